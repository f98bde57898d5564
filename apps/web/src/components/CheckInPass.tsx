import { ExpandOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Card, Modal, Space, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { CheckInCredentials } from '../events';
import { formatTime } from '../format';

/**
 * 签到码: what a participant shows at the desk — the QR code, large enough for a phone camera
 * across the table, and the short code beneath it to read out when scanning fails.
 */
export function CheckInPass({ credentials }: { credentials: CheckInCredentials }) {
  // The SVG goes in as an image, never as markup: nothing of it can run in the page.
  const src = useMemo(() => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(credentials.qrSvg)}`, [credentials.qrSvg]);
  const [enlarged, setEnlarged] = useState(false);
  const code = (
    <Typography.Text
      copyable={{ text: credentials.shortCode, tooltips: ['复制', '已复制'] }}
      data-testid="check-in-code"
      style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 32, fontWeight: 600, letterSpacing: 6 }}
    >
      {credentials.shortCode}
    </Typography.Text>
  );
  return (
    <Card
      size="small"
      type="inner"
      title={
        <Space>
          <QrcodeOutlined />
          现场签到码
        </Space>
      }
      extra={credentials.checkedInAt && <Tag color="green">已签到 {formatTime(credentials.checkedInAt).slice(11)}</Tag>}
      data-testid="check-in-pass"
    >
      <div style={{ display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8, textAlign: 'center' }}>
        <img
          src={src}
          alt="签到二维码"
          data-testid="check-in-qr"
          style={{ width: 'min(280px, 100%)', aspectRatio: '1 / 1', imageRendering: 'pixelated', background: '#fff' }}
        />
        <Typography.Text type="secondary">签到码</Typography.Text>
        {code}
        <Typography.Text type="secondary">
          到场后请向工作人员出示二维码，或报出签到码。有效期至 {formatTime(credentials.expiresAt)}。
        </Typography.Text>
        <Button size="large" block icon={<ExpandOutlined />} onClick={() => setEnlarged(true)} data-testid="check-in-enlarge">
          全屏出示二维码
        </Button>
      </div>
      <Modal
        open={enlarged}
        onCancel={() => setEnlarged(false)}
        footer={null}
        destroyOnHidden
        centered
        width="min(94vw, 480px)"
        title="请向工作人员出示"
        styles={{ body: { display: 'flex', flexDirection: 'column', alignItems: 'center', gap: 8 } }}
      >
        <img
          src={src}
          alt="签到二维码（放大）"
          data-testid="check-in-qr-large"
          style={{ width: '100%', aspectRatio: '1 / 1', imageRendering: 'pixelated', background: '#fff' }}
        />
        <Typography.Text type="secondary">签到码</Typography.Text>
        {code}
      </Modal>
    </Card>
  );
}
