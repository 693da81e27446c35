/** The options page: settings, storage and sync status with their actions, handed to the options view. */
import { type OptionsActions, OptionsView } from '../../../components/options/OptionsView';
import { usePageMeta } from '../page';
import { useSyncStatus } from '../use-sync-status';
import { downloadExport, hfPermissionFor, importFile, saveSourceUrl, useOptions } from './use-options';
import { useSummaryProvider } from './use-summary-provider';

export function OptionsApp() {
  const options = useOptions();
  const sync = useSyncStatus();
  const summary = useSummaryProvider();
  usePageMeta('options_title', options.langVersion);
  const actions: OptionsActions = {
    setSetting: options.setSetting,
    saveSourceUrl,
    hfPermissionFor,
    exportData: () => downloadExport(),
    importFile,
    clearData: async () => {
      const r = await options.clearData();
      if (r.status) sync.setStatus(r.status);
      void summary.refresh();
      return r.feedback;
    },
    onImported: () => {
      void options.refreshStorage();
      void sync.refresh();
      void summary.refresh();
    },
  };
  return (
    <OptionsView
      settings={options.settings}
      loadError={options.loadError}
      storage={options.storage}
      sync={sync}
      actions={actions}
      now={Date.now()}
      summary={summary}
    />
  );
}
