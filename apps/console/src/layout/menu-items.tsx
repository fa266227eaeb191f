import { AppstoreOutlined, CheckSquareOutlined, EditOutlined, HomeOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Me, Role } from '../api/types';
import { REVIEWER_ROLES, TASK_ROLES, hasRole } from '../session/use-me';

interface Entry {
  key: string;
  label: string;
  icon: ReactNode;
  roles: Role[] | 'all';
}

/** Each page only for the roles that may use it. */
const ENTRIES: Entry[] = [
  { key: '/', label: '工作台', icon: <HomeOutlined />, roles: 'all' },
  { key: '/tasks', label: '待办任务', icon: <CheckSquareOutlined />, roles: TASK_ROLES },
  { key: '/documents/new', label: '新建文稿', icon: <EditOutlined />, roles: ['drafter'] },
  { key: '/delegations', label: '代签设置', icon: <TeamOutlined />, roles: REVIEWER_ROLES },
  { key: '/catalogue', label: '栏目与公开目录', icon: <AppstoreOutlined />, roles: ['admin'] },
  { key: '/password', label: '修改密码', icon: <KeyOutlined />, roles: 'all' },
];

export function menuItemsFor(me: Me | undefined) {
  return ENTRIES.filter((entry) => entry.roles === 'all' || hasRole(me, ...entry.roles)).map(({ key, label, icon }) => ({ key, label, icon }));
}
