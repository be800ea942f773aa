import { useEffect, useState } from 'react';
import { Alert, Layout, Menu, Result, Spin, Tag, Typography } from 'antd';
import { useLedger } from './app/store';
import { SetupPage } from './pages/SetupPage';
import { TasksPage } from './pages/TasksPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { IndicatorsPage } from './pages/IndicatorsPage';

const PAGES = {
  tasks: '任务清单',
  projects: '项目清单',
  indicators: '指标体系',
} as const;
type PageKey = keyof typeof PAGES;

function pageFromHash(): PageKey {
  const key = window.location.hash.replace(/^#\/?/, '');
  return key in PAGES ? (key as PageKey) : 'tasks';
}

export function App() {
  const { phase, storage, start } = useLedger();
  const [page, setPage] = useState<PageKey>(pageFromHash);

  useEffect(() => {
    void start();
  }, [start]);
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (phase.kind === 'loading') return <Spin fullscreen tip="正在打开本地数据…" />;
  if (phase.kind === 'failed') return <Result status="error" title="无法启动" subTitle={phase.message} />;
  if (phase.kind === 'setup') return <SetupPage />;

  const { plan, settings } = phase;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b5d3b' }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>无废城市建设台账</Typography.Text>
        <Typography.Text style={{ color: '#fff' }} data-testid="office-name">
          {plan.office.name}无废办
        </Typography.Text>
        <Tag color={settings.role === 'city' ? 'gold' : 'green'}>{settings.role === 'city' ? '市级' : '旗区级'}</Tag>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={180} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={Object.entries(PAGES).map(([key, label]) => ({ key, label }))}
            onClick={({ key }) => {
              window.location.hash = `/${key}`;
            }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, background: '#fff' }}>
          {storage === 'refused' && (
            <Alert
              type="warning"
              showIcon
              closable
              style={{ marginBottom: 12 }}
              message="浏览器未同意“持久存储”"
              description="磁盘空间紧张时，浏览器可能清除本地数据。请定期导出备份；桌面版不受此限制。"
            />
          )}
          {page === 'tasks' && <TasksPage plan={plan} />}
          {page === 'projects' && <ProjectsPage plan={plan} />}
          {page === 'indicators' && <IndicatorsPage plan={plan} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
