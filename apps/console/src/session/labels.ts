export { ROLE_LABELS, STATUS_LABELS } from '@sanshen/kernel';
export { TASK_KIND_LABELS } from '@sanshen/contracts';
