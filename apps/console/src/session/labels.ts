export { ROLE_LABELS, STATUS_LABELS, TASK_KIND_LABELS } from '@sanshen/contracts';
