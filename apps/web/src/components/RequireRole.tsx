import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import type { RoleName } from '../api';
import { hasRole, useUser } from '../auth';

/** The 无权访问 page: what an officer's URL shows a user without the role, instead of calling routes that refuse. */
export function ForbiddenPage() {
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="无权访问"
      subTitle="此页面仅对相应角色开放。如需开通，请联系平台管理员。"
      extra={<Button onClick={() => navigate('/')}>返回工作台</Button>}
    />
  );
}

/** Renders the page for users holding one of `roles`, the 403 page for everyone else. */
export function RequireRole({ roles, children }: { roles: RoleName[]; children: ReactNode }) {
  const user = useUser();
  return hasRole(user, ...roles) ? <>{children}</> : <ForbiddenPage />;
}
