import { useCallback, useEffect, useState } from 'react';
import { Layout, Menu, Result, Space, Spin, Tag, Typography } from 'antd';
import {
  AppstoreOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DeleteOutlined,
  ExclamationCircleOutlined,
  FundOutlined,
  HistoryOutlined,
  SettingOutlined,
  SwapOutlined,
  ProjectOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { useAppState } from './app/store';
import { SetupPage } from './pages/SetupPage';
import { TasksPage } from './pages/TasksPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { IndicatorsPage } from './pages/IndicatorsPage';
import { DashboardPage } from './pages/DashboardPage';
import { MonthlyPage } from './pages/MonthlyPage';
import { ProblemsPage } from './pages/problems/ProblemsPage';
import { DirectoryPage } from './pages/directory/DirectoryPage';
import { BinPage } from './pages/BinPage';
import { ExchangePage } from './pages/exchange/ExchangePage';
import { BundleDrop } from './components/BundleDrop';
import { CityOverviewPage } from './pages/city-overview/CityOverviewPage';
import { PeriodPicker } from './components/PeriodPicker';
import { UndoButton } from './components/UndoButton';
import { RefreshedMark } from './components/RefreshedMark';
import { PlanViewNotice } from './components/PlanViewNotice';
import { CatchUpPage } from './pages/catch-up/CatchUpPage';
import { SettingsPage } from './pages/settings/SettingsPage';
import { StorageNotice } from './pages/settings/StorageNotice';
import { DesktopBackupAgent } from './pages/settings/DesktopBackupAgent';
import { goToApproved, UnsavedWorkGuard, useConfirmDiscard, useGuardedHashRoute } from './components/unsaved-guard';

const PAGES = {
  overview: { label: '各旗区总览', icon: <ClusterOutlined />, cityOnly: true },
  dashboard: { label: '工作总览', icon: <BarChartOutlined /> },
  tasks: { label: '任务清单', icon: <AppstoreOutlined /> },
  projects: { label: '项目清单', icon: <ProjectOutlined /> },
  indicators: { label: '指标体系', icon: <FundOutlined /> },
  monthly: { label: '月度调度', icon: <CalendarOutlined /> },
  problems: { label: '问题清单', icon: <ExclamationCircleOutlined /> },
  directory: { label: '单位与领导', icon: <TeamOutlined /> },
  exchange: { label: '数据交换', icon: <SwapOutlined /> },
  bin: { label: '回收站', icon: <DeleteOutlined /> },
  catchup: { label: '补录历史', icon: <HistoryOutlined /> },
  settings: { label: '设置', icon: <SettingOutlined /> },
} as const satisfies Record<string, { label: string; icon: JSX.Element; cityOnly?: boolean }>;
export type PageKey = keyof typeof PAGES;

/** The page the address names; without one, a city opens on 各旗区总览 and a county office on 工作总览. */
function pageFromHash(role?: 'city' | 'county'): PageKey {
  const key = window.location.hash.replace(/^#\/?/, '').split('?')[0];
  return key in PAGES ? (key as PageKey) : role === 'city' ? 'overview' : 'dashboard';
}

export function App() {
  const { phase, storage, start } = useAppState();
  const [page, setPage] = useState<PageKey>(pageFromHash);
  const role = phase.kind === 'ready' ? phase.settings.role : undefined;
  const confirmDiscard = useConfirmDiscard();

  useEffect(() => {
    void start();
  }, [start]);
  // The back and forward buttons ask about unsaved work as the menu does.
  useGuardedHashRoute(useCallback(() => setPage(pageFromHash(role)), [role]));
  // Once the workspace is open, an address without a page opens the role's home page.
  useEffect(() => setPage(pageFromHash(role)), [role]);

  if (phase.kind === 'loading') return <Spin fullscreen tip={phase.tip ?? '正在打开本地数据…'} />;
  if (phase.kind === 'failed') return <Result status="error" title="无法启动" subTitle={phase.message} />;
  if (phase.kind === 'setup') return <SetupPage />;

  const { plan, settings } = phase;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <UnsavedWorkGuard />
      <DesktopBackupAgent />
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#0b5d3b', paddingInline: 20 }}>
        <Typography.Text style={{ color: '#fff', fontSize: 18, fontWeight: 600 }}>无废城市建设台账</Typography.Text>
        <Typography.Text style={{ color: '#fff' }} data-testid="office-name">
          {plan.office.name}无废办
        </Typography.Text>
        <Tag color={settings.role === 'city' ? 'gold' : 'green'}>{settings.role === 'city' ? '市级' : '旗区级'}</Tag>
        <Space style={{ marginLeft: 'auto' }}>
          <RefreshedMark />
          <PeriodPicker />
          <UndoButton />
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={170} theme="light">
          <Menu
            mode="inline"
            selectedKeys={[page]}
            items={Object.entries(PAGES)
              .filter(([, p]) => settings.role === 'city' || !('cityOnly' in p))
              .map(([key, p]) => ({ key, label: p.label, icon: p.icon }))}
            onClick={({ key }) => {
              // Leaving the page closes its drawer: ask first when it holds unsaved typing.
              void confirmDiscard().then((ok) => {
                if (ok) goToApproved(`/${key}`);
              });
            }}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: 16, background: '#fff', minWidth: 0 }}>
          <PlanViewNotice />
          <StorageNotice state={storage} desktop={!!window.zwcDesktop} />
          <BundleDrop enabled={page !== 'exchange' && page !== 'monthly'} />
          {page === 'dashboard' && <DashboardPage plan={plan} />}
          {page === 'tasks' && <TasksPage plan={plan} />}
          {page === 'projects' && <ProjectsPage plan={plan} />}
          {page === 'indicators' && <IndicatorsPage plan={plan} />}
          {page === 'monthly' && <MonthlyPage plan={plan} />}
          {page === 'problems' && <ProblemsPage plan={plan} />}
          {page === 'directory' && <DirectoryPage plan={plan} />}
          {page === 'bin' && <BinPage plan={plan} />}
          {page === 'catchup' && <CatchUpPage plan={plan} />}
          {page === 'settings' && <SettingsPage />}
          {page === 'exchange' && <ExchangePage plan={plan} />}
          {page === 'overview' && settings.role === 'city' && <CityOverviewPage plan={plan} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
