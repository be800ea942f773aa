import { useCallback, useEffect, useMemo, useState } from 'react';
import { App as AntApp } from 'antd';
import type { DeviceIdentity } from '../../../../shared/app/trust/device-identity';
import type { Receiver } from '../../../../shared/app/exchange/exchange-service';
import type { ConflictSide, ConflictView } from '../../../../shared/app/exchange/conflicts';
import type { TrustedKey } from '../../../../shared/app/trust/trust-service';
import { registrationOffices, type RegistrationOffice } from '../../../../shared/app/trust/key-registration';
import type { ImportRecord } from '../../../../shared/exchange/history';
import { ownBuffer } from '../../../../shared/exchange/bytes';
import type { PlanData } from '../../../../shared/views/plan-data';
import { useAppState, useWorkspace } from '../../app/store';
import { desktop } from '../../platform';
import { messageOf } from '../../app/error-text';

export const BUNDLE_FILTERS = [{ name: '无废城市交换文件', extensions: ['zwb'] }];
const errorText = (e: unknown) => (messageOf(e));

/** What the exchange page shows and every action on it, through the core's exchange and trust services. */
export function useExchange(plan: PlanData) {
  const { message } = AntApp.useApp();
  const ws = useWorkspace();
  const period = useAppState((s) => s.period);
  const reload = useAppState((s) => s.reload);
  const phase = useAppState((s) => s.phase);
  const role = phase.kind === 'ready' ? phase.settings.role : 'county';
  const receiver: Receiver = useMemo(() => ({ officeCode: plan.office.code, level: role }), [plan.office.code, role]);

  const [identity, setIdentity] = useState<DeviceIdentity | null>(null);
  const [keys, setKeys] = useState<TrustedKey[]>([]);
  const [offices, setOffices] = useState<RegistrationOffice[]>([]);
  const [history, setHistory] = useState<ImportRecord[]>([]);
  const [conflicts, setConflicts] = useState<ConflictView[]>([]);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setIdentity(await ws.exchange.identity());
      const trusted = await ws.trust.list();
      setKeys(trusted);
      setOffices(await registrationOffices(ws, plan.office, role, trusted));
      setHistory(await ws.exchange.history());
      setConflicts(await ws.exchange.conflictViews(plan.office.code, role));
    } catch (e) {
      message.error(`无法读取数据交换的内容：${errorText(e)}`);
    }
  }, [ws, plan.office, role, message]);

  useEffect(() => {
    void refresh();
  }, [refresh, phase]);

  const exportBundle = async () => {
    setBusy(true);
    try {
      const out = await ws.exchange.exportBundle(plan.office.code, period);
      const saved = await desktop.saveFile({ suggestedName: out.fileName, data: ownBuffer(out.bytes), filters: BUNDLE_FILTERS });
      if (saved) message.success(`已导出 ${saved}（序号 ${out.sequence}，${out.recordCount} 条记录）`);
    } catch (e) {
      message.error(`导出失败：${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const resolve = async (c: ConflictView, side: ConflictSide) => {
    try {
      const { local } = await ws.exchange.keepConflictSide(c.table, c.id, c.field, side.stamp);
      await reload();
      message.success(`已处理冲突：${c.own ? '' : `${c.officeName} · `}${c.title} · ${c.fieldLabel}，保留${side.label}的修改${local ? '（仅本机）' : ''}`);
    } catch (e) {
      await refresh();
      message.error(`未能处理冲突：${errorText(e)}`);
    }
  };

  const revoke = async (k: TrustedKey) => {
    try {
      await ws.trust.revoke(k.publicKey, k.officeCode);
      message.success('已吊销');
    } catch (e) {
      message.error(`未能吊销：${errorText(e)}`);
    }
    await refresh();
  };

  /** Throws what went wrong: the registration dialog shows it and stays open. */
  const register = async (v: { officeCode: string; publicKey: string; label?: string }, replaces?: TrustedKey) => {
    const key = replaces ? await ws.trust.replace(replaces, v) : await ws.trust.trust(v);
    await refresh();
    message.success(`已登记${offices.find((o) => o.code === key.officeCode)?.name ?? key.officeCode}的密钥（指纹 ${key.fingerprint}）`);
  };

  return {
    deviceId: ws.deviceId,
    period,
    role,
    identity,
    keys,
    offices,
    history,
    conflicts,
    receiver,
    refresh,
    busy,
    actions: { exportBundle, resolve, revoke, register },
  };
}
