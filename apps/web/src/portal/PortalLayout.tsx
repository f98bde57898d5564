import { MenuOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Space } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useHydratedSignal } from '../root';

const { Header, Content, Footer } = Layout;

/** The portal's sections, as visitors find them on every pilot city's platform. */
export const PORTAL_SECTIONS = [
  { key: '/', label: '首页' },
  { key: '/solutions', label: '解决方案超市' },
  { key: '/needs', label: '需求大厅' },
  { key: '/events', label: '对接活动' },
  { key: '/policy', label: '政策解读' },
];

function sectionOf(path: string): string {
  if (path === '/') return '/';
  return PORTAL_SECTIONS.filter((s) => s.key !== '/' && (path === s.key || path.startsWith(`${s.key}/`)))[0]?.key ?? '';
}

/**
 * The public portal's frame (no sign-in): a header with the sections and 登录/注册, a drawer
 * menu on phones, and a footer. Signed-in users see the same pages inside the workbench layout.
 */
export function PortalLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const [open, setOpen] = useState(false);
  useHydratedSignal();
  // Known once the page runs in a browser; unknown (undefined) when rendered on the server and while
  // hydrating, where both forms are in the HTML and CSS shows the one for the screen (styles.css).
  const phone = screens.md === false;
  const wide = screens.md === true;
  const from = `${location.pathname}${location.search}`;
  const selected = sectionOf(location.pathname);
  const go = (key: string) => {
    setOpen(false);
    navigate(key);
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header className="portal-header" role="banner">
        <Link to="/" className="portal-brand" aria-label="返回门户首页">
          <span className="portal-logo" aria-hidden>
            数
          </span>
          {!phone && <span className="wide-only">沈阳市中小企业数字化转型供需对接平台</span>}
          {!wide && <span className="phone-only">数转供需平台</span>}
        </Link>
        {!phone && (
          <nav aria-label="门户导航" className="portal-nav">
            {PORTAL_SECTIONS.map((section) => (
              <Link
                key={section.key}
                to={section.key}
                className={section.key === selected ? 'active' : undefined}
                aria-current={section.key === selected ? 'page' : undefined}
              >
                {section.label}
              </Link>
            ))}
          </nav>
        )}
        <Space size={8} className="portal-actions">
          <Link to="/login" state={{ from }}>
            <Button type="primary" size={phone ? 'small' : 'middle'}>
              登录
            </Button>
          </Link>
          {!phone && (
            <Link to="/register" state={{ from }} className="wide-only">
              <Button ghost>注册</Button>
            </Link>
          )}
          {!wide && (
            <Button
              className="phone-only"
              type="text"
              aria-label="打开导航菜单"
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
              onClick={() => setOpen(true)}
              data-testid="portal-menu-button"
            />
          )}
        </Space>
      </Header>
      <Drawer title="导航" placement="right" width={260} open={open} onClose={() => setOpen(false)} data-testid="portal-drawer">
        <nav aria-label="门户导航" className="portal-drawer-nav">
          {PORTAL_SECTIONS.map((section) => (
            <a
              key={section.key}
              href={section.key}
              className={section.key === selected ? 'active' : undefined}
              aria-current={section.key === selected ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                go(section.key);
              }}
            >
              {section.label}
            </a>
          ))}
        </nav>
        <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
          <Button type="primary" block onClick={() => navigate('/login', { state: { from } })}>
            登录
          </Button>
          <Button block onClick={() => navigate('/register', { state: { from } })}>
            注册企业或服务商账号
          </Button>
        </Space>
      </Drawer>
      <Content className="portal-content" role="main">
        <Outlet />
      </Content>
      <Footer className="portal-footer" role="contentinfo">
        <div>沈阳市中小企业数字化转型城市试点 · 供需对接平台</div>
        <div>
          <Link to="/policy">政策解读</Link> · <Link to="/solutions">解决方案超市</Link> · <Link to="/needs">需求大厅</Link> ·{' '}
          <Link to="/events">对接活动</Link>
        </div>
      </Footer>
    </Layout>
  );
}
