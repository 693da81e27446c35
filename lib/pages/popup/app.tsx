/** The popup page: its controllers' data and the tab actions, handed to the popup's view. */
import { useEffect, useState } from 'preact/hooks';
import { PopupView } from '../../../components/popup/PopupView';
import { openAbs, openOptions, openReader, openTab } from '../navigation';
import { usePageMeta } from '../page';
import { useSyncStatus } from '../use-sync-status';
import type { LatestRequest } from './prefetch';
import { useHfToday } from './use-hf-today';
import { usePopupData } from './use-popup';

const actions = { openAbs, openReader, openUrl: openTab, openOptions };

/** @param first the popup's first request for the newest digest (./prefetch; tests leave it out). */
export function PopupApp({ first }: { first?: LatestRequest } = {}) {
  usePageMeta('extName');
  // The newest digest is asked for alone first: answered in a few ms, it is what the popup is opened for. The sync
  // status and the Hugging Face list follow once it is there (asked together, all three answer ~10× slower).
  const [listAsked, setListAsked] = useState(false);
  const sync = useSyncStatus(listAsked);
  const data = usePopupData(sync.status?.digestCount ?? null, sync.status?.running === true, first);
  useEffect(() => {
    if (!data.loading) setListAsked(true);
  }, [data.loading]);
  const hf = useHfToday(listAsked);
  return <PopupView data={data} sync={sync} now={Date.now()} hf={hf} actions={actions} />;
}
