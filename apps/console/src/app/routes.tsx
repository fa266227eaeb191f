import { createBrowserRouter } from 'react-router';
import { RouteError } from '../ui/RouteError';
import { lazyPage } from './lazy-page';

/** Every page in its own chunk: sign-in and the task list load no editor code. */
export const router = createBrowserRouter([
  { path: '/login', element: lazyPage(() => import('../pages/auth/SignInPage')), errorElement: <RouteError /> },
  {
    path: '/',
    element: lazyPage(() => import('../layout/ConsoleLayout')),
    errorElement: <RouteError />,
    children: [
      { index: true, element: lazyPage(() => import('../pages/home/HomePage')) },
      { path: 'tasks', element: lazyPage(() => import('../pages/tasks/TasksPage')) },
      { path: 'password', element: lazyPage(() => import('../pages/auth/PasswordPage')) },
      { path: 'catalogue', element: lazyPage(() => import('../pages/catalogue/CataloguePage')) },
      { path: 'delegations', element: lazyPage(() => import('../pages/delegations/DelegationsPage')) },
      { path: 'documents/new', element: lazyPage(() => import('../pages/new/NewDocumentPage')) },
      { path: 'documents/:id', element: lazyPage(() => import('../pages/document/DocumentPage')) },
      { path: 'documents/:id/edit', element: lazyPage(() => import('../pages/document/EditDocumentPage')) },
      { path: 'documents/:id/sheet', element: lazyPage(() => import('../pages/document/ApprovalSheetPage')) },
      { path: '*', element: lazyPage(() => import('../ui/NotFoundPage')) },
    ],
  },
]);
