import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { Navigate, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError } from '../api';
import { showError } from '../components/feedback';

/** `/bids/:id` (where bid notifications link): the bid is shown on its need's page, in the bids tab. */
export default function BidPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const [needId, setNeedId] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  useEffect(() => {
    api.get('/bids/:id', { id: id! }).then(
      (bid) => setNeedId(bid.needId),
      (e) => {
        if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setMissing(true);
        else showError(e);
      },
    );
  }, [id]);
  if (missing)
    return <Result status="404" title="投标不存在或无权查看" extra={<Button onClick={() => navigate('/needs')}>返回需求大厅</Button>} />;
  if (needId) return <Navigate to={`/needs/${needId}/bids`} replace />;
  return <Spin />;
}
