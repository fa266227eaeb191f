// The label modules themselves, not the libs' indexes: an index also brings the annual-report
// library (kept whole: its rule catalogue is built at load), which the first pages must not download.
export { STATUS_LABELS } from '../../../../libs/kernel/src/document';
export { ROLE_LABELS } from '../../../../libs/kernel/src/roles';
export { TASK_KIND_LABELS } from '../../../../libs/contracts/src/tasks';
