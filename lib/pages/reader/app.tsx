/** The reader page: the route from the URL hash and the data it needs, handed to the reader's view. */
import { ReaderView } from '../../../components/reader/ReaderView';
import { useOnline } from '../../use-online';
import { openOptions } from '../navigation';
import { usePageMeta } from '../page';
import { deleteSummary, useAutoLoadMedia, useHashRoute, useReaderData, useSourceBase } from './use-reader';

export function ReaderApp() {
  usePageMeta('reader_title');
  const route = useHashRoute();
  const data = useReaderData(route);
  const online = useOnline();
  const sourceBase = useSourceBase();
  const autoLoadMedia = useAutoLoadMedia();
  return (
    <ReaderView
      route={route}
      data={data}
      online={online}
      sourceBase={sourceBase}
      autoLoadMedia={autoLoadMedia}
      onOpenOptions={openOptions}
      onDeleteSummary={deleteSummary}
    />
  );
}
