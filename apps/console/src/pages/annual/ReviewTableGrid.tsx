import { REVIEW_GROUPS, REVIEW_OUTCOME_COLUMNS } from '@sanshen/annual-report';
import { CellInput } from './CellInput';
import { cellProps } from './cell-props';
import type { GridContext } from './cell-props';

/** 表四 as printed: 行政复议 (5 columns) and 行政诉讼 (two groups of 5) over one row of 15 cells. */
export function ReviewTableGrid({ context }: { context: GridContext }) {
  const [review, ...litigation] = REVIEW_GROUPS;
  return (
    <table className="report-table">
      <thead>
        <tr>
          <th colSpan={5} scope="colgroup">
            {review.label}
          </th>
          <th colSpan={10} scope="colgroup">
            行政诉讼
          </th>
        </tr>
        <tr>
          {REVIEW_OUTCOME_COLUMNS.map(([key, label]) => (
            <th key={key} rowSpan={2} scope="col">
              {label}
            </th>
          ))}
          {litigation.map((group) => (
            <th key={group.key} colSpan={5} scope="colgroup">
              {group.label}
            </th>
          ))}
        </tr>
        <tr>
          {litigation.flatMap((group) =>
            REVIEW_OUTCOME_COLUMNS.map(([key, label]) => (
              <th key={`${group.key}-${key}`} scope="col">
                {label}
              </th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {REVIEW_GROUPS.flatMap((group, g) =>
            REVIEW_OUTCOME_COLUMNS.map(([key, label], index) => (
              <td key={`${group.key}-${key}`}>
                <CellInput {...cellProps(context, `/reviewLitigation/${group.key}/${key}`)} label={`${group.label} ${label}`} grid="review" r={0} c={g * 5 + index} />
              </td>
            )),
          )}
        </tr>
      </tbody>
    </table>
  );
}
