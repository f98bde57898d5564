import { CameraOutlined, PictureOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Input, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { allPages, allows } from '../events';
import type { CheckInResult, MatchmakingEvent, Registration } from '../events';
import { formatTime } from '../format';
import { cameraErrorZh, decodeQr, decodeQrFile } from '../qr-decode';
import { showError } from './feedback';

/** The arrivals list refreshes this often while the page is open (other desks check people in too). */
const REFRESH_MS = 10_000;
/** A camera frame is read this often: enough to feel instant, little enough for a phone's battery. */
const SCAN_MS = 250;
/** What every check-in token begins with (`SCI1.`); anything else typed is a short code. */
const TOKEN_PREFIX = 'SCI1.';

type Outcome =
  | { kind: 'done'; name: string; at: string; side: string }
  | { kind: 'already'; name: string; at: string; side: string }
  | { kind: 'invalid'; text: string }
  | { kind: 'error'; text: string };

const TOKEN_ERRORS = new Set(['check_in_token_invalid', 'check_in_token_expired', 'check_in_wrong_event']);
const SIDE = { enterprise: '企业', provider: '服务商' } as const;

function outcomeOf(error: unknown): Outcome {
  if (error instanceof ApiError && error.code && TOKEN_ERRORS.has(error.code)) {
    const why =
      error.code === 'check_in_wrong_event' ? '这是其他活动的签到码' : error.code === 'check_in_token_expired' ? '签到码已过期' : '';
    return { kind: 'invalid', text: why ? `二维码无效或已过期（${why}）` : '二维码无效或已过期' };
  }
  if (error instanceof ApiError && error.code === 'check_in_code_unknown')
    return { kind: 'invalid', text: '签到码无效：本活动没有这个签到码' };
  if (error instanceof ApiError && error.status === 400) return { kind: 'invalid', text: error.textZh };
  if (error instanceof ApiError) return { kind: 'error', text: error.textZh };
  return { kind: 'error', text: '网络错误，请重试' };
}

/**
 * 现场签到 (the organiser, on the day, often on a phone): scan a participant's QR code with the
 * camera, read it from a photo, or type its short code (a handheld scanner that types works too);
 * the answer in large Chinese text, and the arrivals so far.
 */
export function EventCheckIn({ event, onChanged }: { event: MatchmakingEvent; onChanged: () => void }) {
  const [code, setCode] = useState('');
  const [pending, setPending] = useState(0);
  const busy = pending > 0;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [registrations, setRegistrations] = useState<Registration[] | null>(null);
  const [scanning, setScanning] = useState(false);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaStream | null>(null);
  const photo = useRef<HTMLInputElement>(null);
  const open = allows(event, 'check_in');

  const load = useCallback(() => {
    allPages('/events/:id/registrations', { id: event.id }).then(setRegistrations, showError);
  }, [event.id]);
  useEffect(() => {
    load();
    const timer = window.setInterval(load, REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  // A desk scans quickly: a code entered while another is being checked is checked too (not dropped),
  // and the answer shown is the one to the code entered last, whatever order the answers arrive in.
  const latest = useRef(0);
  const submit = useCallback(
    async (typed: string) => {
      const value = typed.trim();
      if (!value) return;
      const mine = ++latest.current;
      setOutcome(null);
      setPending((n) => n + 1);
      try {
        const body = value.startsWith(TOKEN_PREFIX) ? { token: value } : { shortCode: value };
        const result: CheckInResult = await api.post('/events/:id/check-in', { id: event.id }, body);
        const who = { name: result.organisationName, at: formatTime(result.checkedInAt).slice(11), side: SIDE[result.side] };
        if (mine === latest.current) setOutcome(result.alreadyCheckedIn ? { kind: 'already', ...who } : { kind: 'done', ...who });
        // Clears the box unless something else has been typed into it meanwhile.
        setCode((current) => (current.trim() === value ? '' : current));
        load();
        if (!result.alreadyCheckedIn) onChanged();
      } catch (e) {
        if (mine === latest.current) setOutcome(outcomeOf(e));
      } finally {
        setPending((n) => n - 1);
      }
    },
    [event.id, load, onChanged],
  );

  const stopCamera = useCallback(() => {
    stream.current?.getTracks().forEach((t) => t.stop());
    stream.current = null;
    setScanning(false);
  }, []);
  useEffect(() => stopCamera, [stopCamera]);

  const startCamera = async () => {
    setCameraError(null);
    setOutcome(null);
    if (!navigator.mediaDevices?.getUserMedia) {
      setCameraError('当前浏览器不支持调用摄像头（需使用 HTTPS 访问）：请输入签到码，或上传二维码照片。');
      return;
    }
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      setScanning(true);
    } catch (e) {
      setCameraError(cameraErrorZh(e));
    }
  };

  // Reads frames while the camera is on; the first code found is submitted and the camera stops.
  useEffect(() => {
    const element = video.current;
    if (!scanning || !element || !stream.current) return;
    element.srcObject = stream.current;
    void element.play().catch(() => undefined);
    let live = true;
    let timer = 0;
    const tick = async () => {
      if (!live) return;
      const found = element.readyState >= 2 ? await decodeQr(element, element.videoWidth, element.videoHeight) : null;
      if (!live) return;
      if (found) {
        stopCamera();
        await submit(found);
      } else timer = window.setTimeout(tick, SCAN_MS);
    };
    timer = window.setTimeout(tick, SCAN_MS);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [scanning, stopCamera, submit]);

  const readPhoto = async (file: File | undefined) => {
    if (!file) return;
    setOutcome(null);
    try {
      const found = await decodeQrFile(file);
      if (found) await submit(found);
      else setOutcome({ kind: 'invalid', text: '图片中未识别到二维码，请重新拍摄或输入签到码' });
    } catch {
      setOutcome({ kind: 'invalid', text: '无法读取该图片，请重新拍摄或输入签到码' });
    }
  };

  const approved = (registrations ?? []).filter((r) => r.status === 'approved');
  const arrived = approved.filter((r) => r.checkedInAt).sort((a, b) => (b.checkedInAt ?? '').localeCompare(a.checkedInAt ?? ''));

  return (
    <Row gutter={[16, 16]} data-testid="check-in">
      <Col xs={24} lg={12}>
        <Card size="small" title="扫码签到">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {!open && <Alert type="info" showIcon message="日程发布后、活动结束前可现场签到。" />}
            {scanning ? (
              <Space direction="vertical" style={{ width: '100%' }}>
                <video
                  ref={video}
                  muted
                  playsInline
                  data-testid="check-in-video"
                  style={{ width: '100%', maxHeight: 360, background: '#000', borderRadius: 8 }}
                />
                <Button size="large" block icon={<StopOutlined />} onClick={stopCamera}>
                  关闭摄像头
                </Button>
              </Space>
            ) : (
              <Button
                type="primary"
                size="large"
                block
                icon={<CameraOutlined />}
                disabled={!open}
                onClick={startCamera}
                data-testid="check-in-camera"
              >
                打开摄像头扫码
              </Button>
            )}
            {cameraError && <Alert type="warning" showIcon message={cameraError} data-testid="check-in-camera-error" />}
            <Button size="large" block icon={<PictureOutlined />} disabled={!open} onClick={() => photo.current?.click()}>
              拍照 / 选择图片识别
            </Button>
            <input
              ref={photo}
              type="file"
              accept="image/*"
              capture="environment"
              hidden
              data-testid="check-in-photo"
              onChange={(e) => {
                void readPhoto(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            <Input.Search
              size="large"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              onSearch={(value) => void submit(value)}
              placeholder="输入 6 位签到码（或扫码枪录入）"
              enterButton="签到"
              disabled={!open}
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              id="check-in-code-input"
              data-testid="check-in-code-input"
            />
            {outcome ? (
              <OutcomeView outcome={outcome} />
            ) : (
              busy && <Alert type="info" showIcon message="正在核验签到码…" data-testid="check-in-checking" />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="到场情况" extra={<Button type="text" icon={<ReloadOutlined />} onClick={load} aria-label="刷新" />}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title="已签到" value={arrived.length} data-testid="check-in-count" />
            </Col>
            <Col span={8}>
              <Statistic title="应到" value={approved.length} />
            </Col>
            <Col span={8}>
              <Statistic title="到场率" value={approved.length ? `${Math.round((arrived.length / approved.length) * 100)}%` : '—'} />
            </Col>
          </Row>
          <List
            size="small"
            style={{ marginTop: 12 }}
            loading={!registrations}
            dataSource={arrived}
            data-testid="check-in-arrivals"
            locale={{ emptyText: <Empty description="尚无人签到" /> }}
            renderItem={(r) => (
              <List.Item>
                <Space wrap>
                  <Typography.Text>{r.organisationName}</Typography.Text>
                  <Tag>{SIDE[r.side]}</Tag>
                </Space>
                <Typography.Text type="secondary">{formatTime(r.checkedInAt).slice(11)}</Typography.Text>
              </List.Item>
            )}
          />
        </Card>
      </Col>
    </Row>
  );
}

function OutcomeView({ outcome }: { outcome: Outcome }) {
  const big = { fontSize: 20, fontWeight: 600 };
  if (outcome.kind === 'done' || outcome.kind === 'already') {
    const done = outcome.kind === 'done';
    return (
      <Alert
        type={done ? 'success' : 'info'}
        showIcon
        data-testid="check-in-result"
        message={<span style={big}>{done ? '签到成功' : `已签到（${outcome.at}）`}</span>}
        description={`${outcome.name}（${outcome.side}）${done ? `，签到时间 ${outcome.at}` : '，无需重复签到'}`}
      />
    );
  }
  return (
    <Alert
      type={outcome.kind === 'invalid' ? 'error' : 'warning'}
      showIcon
      data-testid="check-in-result"
      message={<span style={big}>{outcome.text}</span>}
    />
  );
}
