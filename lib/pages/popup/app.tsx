/** The popup page: its controllers' data and the tab actions, handed to the popup's view. */
import { PopupView } from '../../../components/popup/PopupView';
import { openAbs, openOptions, openReader, openTab } from '../navigation';
import { usePageMeta } from '../page';
import { useSyncStatus } from '../use-sync-status';
import { useHfToday } from './use-hf-today';
import { usePopupData } from './use-popup';

const actions = { openAbs, openReader, openUrl: openTab, openOptions };

export function PopupApp() {
  usePageMeta('extName');
  const sync = useSyncStatus();
  const data = usePopupData(sync.status?.digestCount ?? null, sync.status?.running === true);
  const hf = useHfToday();
  return <PopupView data={data} sync={sync} now={Date.now()} hf={hf} actions={actions} />;
}
