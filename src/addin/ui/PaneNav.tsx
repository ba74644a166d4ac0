import {
  makeStyles,
  Menu,
  MenuButton,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { t } from '../../domain/messages.js';

// The pane's views as one row of tabs: the tabs that do not fit a narrow pane (320 px, or 200 %
// zoom) move into a "Meer" menu instead of wrapping into several rows; the selected view's tab
// always stays in the row.

export interface NavItem {
  id: string;
  label: string;
}

interface NavProps {
  items: readonly NavItem[];
  selected: string;
  /** A view chosen: from its tab, or from the Meer menu (which would leave focus on its button). */
  onSelect: (id: string, from: 'tab' | 'menu') => void;
}

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', minWidth: 0, overflow: 'hidden' },
  tabs: { flexWrap: 'nowrap', minWidth: 0 },
  more: { flexShrink: 0, minWidth: 'auto' },
});

export function PaneNav({ items, selected, onSelect }: NavProps) {
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      <div className={styles.row}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={selected}
          onTabSelect={(_, data) => onSelect(String(data.value), 'tab')}
        >
          {items.map((item) => (
            <OverflowItem key={item.id} id={item.id} priority={item.id === selected ? 1 : 0}>
              <Tab value={item.id} id={`tab-${item.id}`}>
                {item.label}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <MoreMenu items={items} selected={selected} onSelect={onSelect} />
      </div>
    </Overflow>
  );
}

/** The tabs that did not fit, as a menu of radio items (the selected view is checked). */
function MoreMenu({ items, selected, onSelect }: NavProps) {
  const styles = useStyles();
  const { ref, isOverflowing } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu
      checkedValues={{ view: [selected] }}
      onCheckedValueChange={(_, data) => onSelect(data.checkedItems[0] ?? selected, 'menu')}
    >
      <MenuTrigger disableButtonEnhancement>
        <MenuButton ref={ref} className={styles.more} size="small" appearance="subtle">
          {t('pane.nav-more')}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {items.map((item) => (
            <MoreItem key={item.id} item={item} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function MoreItem({ item }: { item: NavItem }) {
  const visible = useIsOverflowItemVisible(item.id);
  if (visible) return null;
  return (
    <MenuItemRadio name="view" value={item.id}>
      {item.label}
    </MenuItemRadio>
  );
}
