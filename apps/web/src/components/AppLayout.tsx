import {
  AccountBookOutlined,
  ApartmentOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CloudServerOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FundOutlined,
  HeatMapOutlined,
  LogoutOutlined,
  MenuOutlined,
  MobileOutlined,
  MedicineBoxOutlined,
  NotificationOutlined,
  ProjectOutlined,
  SafetyCertificateOutlined,
  StopOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Avatar, Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Tag, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import type { User } from '../api';
import { hasRole, membershipsOf, useAuth, useUser } from '../auth';
import { useChainMenuEntry } from '../chains';
import { ROLE_NAMES } from '../labels';
import MobileNumberModal from './MobileNumberModal';
import { NotificationBell } from './NotificationBell';

const { Sider, Header, Content } = Layout;

type MenuItem = Required<MenuProps>['items'][number] & { key: string };

/** The side menu for this user: roles and memberships decide what appears. */
function menuFor(user: User, indicatorsAvailable: boolean, chainEntry: string | null = null): MenuItem[] {
  const enterprises = membershipsOf(user, 'enterprise');
  const providers = membershipsOf(user, 'provider');
  const orgLabel =
    providers.length && !enterprises.length ? '我的服务商' : enterprises.length && !providers.length ? '我的企业' : '我的企业/服务商';
  const items: MenuItem[] = [
    { key: '/', icon: <DashboardOutlined />, label: '首页' },
    { key: '/solutions', icon: <AppstoreOutlined />, label: '解决方案目录' },
    { key: '/needs', icon: <NotificationOutlined />, label: '需求大厅' },
    { key: '/organisation', icon: <BankOutlined />, label: orgLabel },
  ];
  // Members see their organisations' projects; assessors and officers oversee them.
  if (user.memberships.length || hasRole(user, 'assessor', 'city_officer', 'district_officer', 'admin')) {
    items.push({ key: '/projects', icon: <ProjectOutlined />, label: '改造项目' });
  }
  // 评估诊断: members self-check; assessors diagnose; officers read results and common needs.
  if (enterprises.length || hasRole(user, 'assessor', 'city_officer', 'district_officer', 'admin')) {
    items.push({ key: '/diagnoses', icon: <MedicineBoxOutlined />, label: '评估诊断' });
  }
  if (enterprises.length || hasRole(user, 'city_officer', 'district_officer', 'admin')) {
    items.push({ key: '/subsidy', icon: <FundOutlined />, label: '专项资金' });
  }
  if (hasRole(user, 'city_officer', 'district_officer', 'admin'))
    items.push({ key: '/blacklist', icon: <StopOutlined />, label: '黑名单' });
  if (providers.length) items.push({ key: '/solutions/new', icon: <FileAddOutlined />, label: '发布方案' });
  if (enterprises.length) items.push({ key: '/needs/new', icon: <FileAddOutlined />, label: '发布需求' });
  items.push({ key: '/events', icon: <CalendarOutlined />, label: '供需对接活动' });
  items.push({ key: '/nominations', icon: <TrophyOutlined />, label: '申报评选' });
  if (hasRole(user, 'city_officer', 'district_officer', 'admin')) {
    items.push({ key: '/service-fees', icon: <AccountBookOutlined />, label: '服务费用' });
  }
  if (chainEntry) items.push({ key: '/chains', icon: <ApartmentOutlined />, label: chainEntry });
  if (hasRole(user, 'city_officer')) items.push({ key: '/selection', icon: <SafetyCertificateOutlined />, label: '服务商遴选' });
  if (hasRole(user, 'city_officer', 'district_officer', 'assessor', 'admin')) {
    items.push({ key: '/pilot-pool', icon: <TeamOutlined />, label: '试点企业库' });
  }
  if (indicatorsAvailable) {
    items.push({ key: '/indicators', icon: <BarChartOutlined />, label: '指标体系' });
    items.push({ key: '/industry-map', icon: <HeatMapOutlined />, label: '产业云图' });
  }
  if (hasRole(user, 'city_officer', 'district_officer', 'admin'))
    items.push({ key: '/unmet-demand', icon: <BarChartOutlined />, label: '未满足需求' });
  if (hasRole(user, 'city_officer', 'district_officer', 'admin')) items.push({ key: '/audit', icon: <AuditOutlined />, label: '审计日志' });
  if (hasRole(user, 'admin')) {
    items.push({ key: '/admin/users', icon: <UserOutlined />, label: '用户与角色' });
    items.push({ key: '/admin/jobs', icon: <CloudServerOutlined />, label: '后台任务' });
  }
  return items;
}

/** The longest menu key that prefixes the path, so `/solutions/123` lights up 解决方案目录. */
function selectedKey(items: MenuItem[], path: string): string {
  const exact = items.find((i) => i.key === path);
  if (exact) return exact.key;
  return items.filter((i) => i.key !== '/' && path.startsWith(`${i.key}/`)).sort((a, b) => b.key.length - a.key.length)[0]?.key ?? '';
}

/** What the last part of a path is, when the menu does not name it. */
const PAGE_KINDS: Record<string, string> = { new: '新建', edit: '编辑', bids: '投标', diagnoses: '评估诊断' };

/** Breadcrumbs: 首页 › the menu entry the page belongs to › what the page is (详情, 编辑 …). */
export function crumbsFor(items: MenuItem[], path: string): { title: string; to?: string }[] {
  const labelOf = (item: MenuItem | undefined) => (item && 'label' in item ? String(item.label) : '');
  const home = { title: labelOf(items.find((i) => i.key === '/')) || '首页', to: '/' };
  if (path === '/') return [{ title: home.title }];
  const key = selectedKey(items, path);
  const entry = items.find((i) => i.key === key);
  const crumbs: { title: string; to?: string }[] = [home];
  if (entry) crumbs.push({ title: labelOf(entry), to: entry.key === path ? undefined : entry.key });
  if (!entry || entry.key !== path) {
    const last = path.split('/').filter(Boolean).pop() ?? '';
    crumbs.push({ title: PAGE_KINDS[last] ?? '详情' });
  }
  return crumbs;
}

export function AppLayout() {
  const user = useUser();
  const { logout } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [mobileOpen, setMobileOpen] = useState(false);
  const phone = !Grid.useBreakpoint().md;
  // The indicators' own rule (libs/indicators indicatorScope): city officers and admins, district officers of a district.
  const indicatorsAvailable =
    hasRole(user, 'city_officer', 'admin') || user.roles.some((r) => r.role === 'district_officer' && !!r.district);

  const chainEntry = useChainMenuEntry(user);
  const items = useMemo(() => menuFor(user, indicatorsAvailable, chainEntry), [user, indicatorsAvailable, chainEntry]);
  const roles = user.roles.map((r) => ROLE_NAMES[r.role] ?? r.role);

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={[selectedKey(items, location.pathname)]}
      items={items}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
      data-testid="side-menu"
    />
  );

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {!phone && (
        <Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={208}
          breakpoint="lg"
          // Fixed beside the page: the menu stays in view however long the page is.
          style={{ position: 'sticky', top: 0, height: '100vh' }}
        >
          {/* The menu scrolls above the collapse trigger (48 px), never under it. */}
          <div style={{ height: 'calc(100vh - 48px)', overflowY: 'auto' }}>
            <div className="brand" title="中小企业数字化转型供需对接平台">
              {collapsed ? '数转' : '数转供需对接平台'}
            </div>
            {menu}
          </div>
        </Sider>
      )}
      {phone && (
        // On a phone the menu is a drawer over the page, not a column beside it.
        <Drawer
          placement="left"
          width={248}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
          data-testid="menu-drawer"
        >
          <div className="brand">数转供需对接平台</div>
          {menu}
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Header className="app-header">
          {phone && (
            <Button
              type="text"
              aria-label="打开菜单"
              icon={<MenuOutlined />}
              onClick={() => setDrawerOpen(true)}
              data-testid="menu-button"
            />
          )}
          <Typography.Text strong className="app-header-title" ellipsis>
            {phone ? '数转供需平台' : '沈阳市中小企业数字化转型试点城市 · 供需对接平台'}
          </Typography.Text>
          <Space size={phone ? 'small' : 'middle'}>
            <NotificationBell />
            <Dropdown
              menu={{
                items: [
                  { key: 'mobile', icon: <MobileOutlined />, label: user.mobile ? `手机号 ${user.mobile}` : '绑定手机号' },
                  { key: 'logout', icon: <LogoutOutlined />, label: '退出登录' },
                ],
                onClick: ({ key }) => (key === 'logout' ? logout() : setMobileOpen(true)),
              }}
            >
              <Space style={{ cursor: 'pointer' }} data-testid="user-menu" aria-label={`${user.displayName}：账号菜单`}>
                <Avatar size="small" icon={<UserOutlined />} />
                {!phone && <span className="app-user-name">{user.displayName}</span>}
                {!phone &&
                  roles.map((r) => (
                    <Tag key={r} color="blue">
                      {r}
                    </Tag>
                  ))}
              </Space>
            </Dropdown>
          </Space>
          <MobileNumberModal open={mobileOpen} onClose={() => setMobileOpen(false)} />
        </Header>
        <Content className="app-content">
          <Breadcrumb
            style={{ marginBottom: 12 }}
            data-testid="breadcrumbs"
            items={crumbsFor(items, location.pathname).map((c) => ({ title: c.to ? <Link to={c.to}>{c.title}</Link> : c.title }))}
          />
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
