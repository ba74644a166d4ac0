// A small in-memory Excel behind the Office.js object model, for the adapter's tests and the
// add-in bench. Writes change the model at once and are logged into the pending request; reads
// are answered at context.sync() through office-addin-mock, so a property read without load and
// sync gives the mock's "Error, property was not loaded" string, as in the real add-in. Every
// sync is counted, and the size of each request (its logged operations as JSON) and of each
// response (the JSON of the properties it loaded) is measured.
// Plain JS: `npm run bench` runs it against the tsc build without a TypeScript loader.
import { Buffer } from 'node:buffer';
import { OfficeMockObject } from 'office-addin-mock';

export const NOT_LOADED = 'Error, property was not loaded';
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A new fake workbook: `fake.context` is the Excel.RequestContext to hand to the adapter. */
export function fakeExcel() {
  const fake = {
    sheets: [],
    tables: [],
    names: new Map(),
    active: null,
    syncs: 0,
    requests: [],
    responses: [],
    /** Responses Excel on the web refused for their size: never answered. */
    refused: [],
    responseLimit: 5_000_000,
    pending: [],
    loads: [],
    error: null,
    addSheet,
    sheet: (name) => fake.sheets.find((s) => same(s.name, name)),
    table: (name) => fake.tables.find((t) => same(t.name, name)),
    /** Puts a table with `headers` and body `rows` at A1 (or `at`) of a sheet, made if needed. */
    putTable(sheetName, name, headers, rows, at = { row: 0, col: 0 }) {
      const sheet = fake.sheet(sheetName) ?? addSheet(sheetName);
      [headers, ...rows].forEach((r, i) =>
        r.forEach((v, j) => setCell(sheet, at.row + i, at.col + j, { value: v })),
      );
      const table = { name, sheet, row: at.row, col: at.col, cols: headers.length };
      table.bodyRows = Math.max(1, rows.length);
      fake.tables.push(table);
      return table;
    },
    cell: (sheetName, a1) => {
      const { row, col } = parseA1(a1);
      return fake.sheet(sheetName)?.cells.get(`${row},${col}`);
    },
    largestRequest: () => Math.max(0, ...fake.requests),
    largestResponse: () => Math.max(0, ...fake.responses),
    /** Handlers added to workbook.tables.onChanged and not removed. */
    tableListeners: [],
    /** What a user or a co-author does in Excel itself; each fires the tables' onChanged. */
    byHand: {
      /** Sorts a table's body rows by its column `col` (0-based in the table), as Excel's sort. */
      sort(name, col, descending = false) {
        const t = fake.table(name);
        const rows = bodyRowsOf(t);
        const text = (r) => String(r[col]?.value ?? '');
        // Blank rows stay last, as in Excel, whichever the order.
        const order = (a, b) => text(a).localeCompare(text(b)) * (descending ? -1 : 1);
        rows.sort((a, b) => (text(a) === '') - (text(b) === '') || order(a, b));
        putBodyRows(t, rows);
        return fireTableChanged(t, 'RangeEdited');
      },
      /** Deletes a table's body row `i` (0-based): the rows below move up, the table shrinks. */
      deleteRow(name, i) {
        const t = fake.table(name);
        const rows = bodyRowsOf(t);
        rows.splice(i, 1);
        putBodyRows(t, [...rows, []]);
        t.bodyRows = Math.max(1, t.bodyRows - 1);
        return fireTableChanged(t, 'RowDeleted');
      },
      /** Sets one cell of a table's body, as a co-author's edit arriving. */
      edit(name, a1, value) {
        const t = fake.table(name);
        const { row, col } = parseA1(a1);
        setCell(t.sheet, row, col, { value });
        return fireTableChanged(t, 'RangeEdited', 'Remote');
      },
    },
    reset() {
      fake.syncs = 0;
      fake.requests = [];
      fake.responses = [];
      fake.refused = [];
    },
  };

  function addSheet(name) {
    if (fake.sheet(name)) throw new Error(`sheet ${name} exists`);
    const sheet = {
      name,
      visibility: 'Visible',
      cells: new Map(),
      protected: false,
      protection: null,
      frozenRows: 0,
      widths: new Map(),
      validations: [],
      charts: [],
      format: [],
    };
    fake.sheets.push(sheet);
    return sheet;
  }

  const log = (op, ...args) => fake.pending.push([op, ...args]);
  const loadLater = (proxy, props) => fake.loads.push({ proxy, props });
  const missing = (what) => {
    fake.error ??= Object.assign(new Error(`ItemNotFound: ${what}`), { code: 'ItemNotFound' });
    return sink();
  };

  async function sync() {
    fake.syncs++;
    const bytes = Buffer.byteLength(JSON.stringify(fake.pending));
    fake.requests.push(bytes);
    fake.pending = [];
    const loads = fake.loads;
    fake.loads = [];
    if (fake.error) {
      const err = fake.error;
      fake.error = null;
      throw err;
    }
    let response = 0;
    for (const { proxy, props } of loads) response += await proxy._answer(props);
    // Excel on the web refuses a response over 5 MB; the desktop apps have no such limit.
    if (response > fake.responseLimit) {
      fake.refused.push(response);
      const message = `ResponsePayloadSizeLimitExceeded: ${response} B`;
      throw Object.assign(new Error(message), { code: 'ResponsePayloadSizeLimitExceeded' });
    }
    fake.responses.push(response);
  }

  /** Bytes of the loaded properties of `data` as JSON: what the response carries for them. */
  function answerBytes(data, props) {
    const names = new Set(props.split(',').map((p) => p.trim().split('/')[0]));
    return Buffer.byteLength(JSON.stringify(data, [...names].concat(nestedKeys(data, names))));
  }
  /** The keys under loaded objects (protection/protected), so the JSON replacer keeps them. */
  function nestedKeys(data, names) {
    return [...names].flatMap((n) =>
      typeof data[n] === 'object' && data[n] !== null && !Array.isArray(data[n])
        ? Object.keys(data[n])
        : [],
    );
  }

  // --- object model -------------------------------------------------------------------------

  /** A proxy whose readable properties come from `read()` at sync time, through the mock. */
  function loadable(target, read) {
    let answered = null;
    target.load = (props) => {
      log('load', String(props));
      loadLater(target, typeof props === 'string' ? props : [props].flat().join(','));
      return target;
    };
    target._answer = async (props) => {
      const data = read();
      const mock = new OfficeMockObject(data);
      mock.load(props);
      await mock.sync();
      answered = mock;
      return answerBytes(data, props);
    };
    target._get = (name) => (answered ? answered[name] : NOT_LOADED);
    return target;
  }

  function collection(items, add, getItem, getItemOrNull) {
    let answered = null;
    const c = {
      load(props) {
        log('load', props);
        loadLater(c, props);
        return c;
      },
      async _answer(props) {
        const fields = String(props)
          .split(',')
          .map((p) => p.trim().replace(/^items\//, ''));
        answered = [];
        let bytes = 0;
        for (const item of items()) {
          const mock = new OfficeMockObject(item);
          mock.load(fields.join(','));
          await mock.sync();
          answered.push(mock);
          bytes += answerBytes(item, fields.join(','));
        }
        return bytes;
      },
      get items() {
        return answered ?? NOT_LOADED;
      },
      add,
      getItem,
      getItemOrNullObject: getItemOrNull,
    };
    return c;
  }

  const workbook = {
    worksheets: collection(
      () => fake.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
      (name) => {
        log('addSheet', name);
        return worksheet(addSheet(name));
      },
      (name) => {
        const s = fake.sheet(name);
        return s ? worksheet(s) : missing(`sheet ${name}`);
      },
      (name) => {
        const s = fake.sheet(name);
        return s ? worksheet(s) : nullObject();
      },
    ),
    tables: Object.assign(
      collection(
        () => fake.tables.map((t) => ({ name: t.name })),
        undefined,
        (name) => {
          const t = fake.table(name);
          return t ? table(t) : missing(`table ${name}`);
        },
      ),
      {
        onChanged: {
          add(handler) {
            log('onChanged.add');
            fake.tableListeners.push(handler);
            return {
              context: fake.context,
              remove() {
                log('onChanged.remove');
                fake.tableListeners = fake.tableListeners.filter((h) => h !== handler);
              },
            };
          },
        },
      },
    ),
    names: collection(
      () => [...fake.names.keys()].map((name) => ({ name })),
      (name, formula) => {
        log('addName', name, formula);
        if ([...fake.names.keys()].some((n) => same(n, name))) throw new Error(`name ${name}`);
        fake.names.set(name, formula);
      },
      (name) => ({
        set formula(f) {
          log('nameFormula', name, f);
          fake.names.set(name, f);
        },
      }),
    ),
    application: {
      suspendApiCalculationUntilNextSync: () => log('suspendCalc'),
      suspendScreenUpdatingUntilNextSync: () => log('suspendScreen'),
    },
  };

  function worksheet(s) {
    const w = loadable(
      {
        get name() {
          return w._get('name');
        },
        set name(n) {
          log('renameSheet', s.name, n);
          s.name = n;
        },
        get visibility() {
          return w._get('visibility');
        },
        get isNullObject() {
          return w._get('isNullObject');
        },
        set visibility(v) {
          log('visibility', s.name, v);
          s.visibility = v;
        },
        protection: {
          get protected() {
            return w._get('protection')?.protected ?? NOT_LOADED;
          },
          protect: (options) => {
            log('protect', s.name, options);
            if (s.protected) throw new Error(`${s.name} is protected already`);
            s.protected = true;
            s.protection = options ?? {};
          },
          unprotect: () => {
            log('unprotect', s.name);
            s.protected = false;
          },
        },
        freezePanes: {
          freezeRows: (n) => {
            log('freezeRows', s.name, n);
            s.frozenRows = n;
          },
        },
        tables: {
          add: (range, hasHeaders) => {
            log('addTable', s.name, range._address(), hasHeaders);
            const g = range._geometry();
            const t = { name: `Tabel${fake.tables.length + 1}`, sheet: s, row: g.row, col: g.col };
            t.cols = g.cols;
            t.bodyRows = Math.max(1, g.rows - 1);
            fake.tables.push(t);
            return table(t);
          },
        },
        charts: {
          add: (type, source, seriesBy) => {
            log('addChart', s.name, type, source._address(), seriesBy);
            const chart = { type, source: source._address(), seriesBy, position: null };
            chart.title = { text: '' };
            chart.axes = {
              categoryAxis: { title: { text: '' } },
              valueAxis: { title: { text: '' } },
            };
            chart.setPosition = (from, to) => (chart.position = [from, to]);
            s.charts.push(chart);
            return chart;
          },
        },
        getRange: (address) =>
          address === undefined
            ? range(s, { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS })
            : range(s, parseAddress(address)),
        getRangeByIndexes: (row, col, rows, cols) => range(s, { row, col, rows, cols }),
        getUsedRange: () => range(s, usedArea(s) ?? { row: 0, col: 0, rows: 1, cols: 1 }),
        getUsedRangeOrNullObject: () => {
          const area = usedArea(s);
          return area ? range(s, area) : nullObject();
        },
        activate: () => {
          log('activate', s.name);
          fake.active = { sheet: s.name, cell: null };
        },
        delete: () => {
          log('deleteSheet', s.name);
          fake.sheets = fake.sheets.filter((x) => x !== s);
          fake.tables = fake.tables.filter((t) => t.sheet !== s);
        },
      },
      () => ({
        name: s.name,
        visibility: s.visibility,
        isNullObject: false,
        protection: { protected: s.protected },
      }),
    );
    return w;
  }

  function table(t) {
    const header = () => ({ row: t.row, col: t.col, rows: 1, cols: t.cols });
    const body = () => ({ row: t.row + 1, col: t.col, rows: t.bodyRows, cols: t.cols });
    const x = loadable(
      {
        get name() {
          return x._get('name');
        },
        set name(n) {
          log('renameTable', t.name, n);
          if (fake.tables.some((o) => o !== t && same(o.name, n))) throw new Error(`table ${n}`);
          t.name = n;
        },
        set style(v) {
          log('tableStyle', t.name, v);
          t.style = v;
        },
        worksheet: worksheet(t.sheet),
        getHeaderRowRange: () => range(t.sheet, header()),
        getDataBodyRange: () => range(t.sheet, body()),
        rows: {
          add: (_index, values) => {
            log('addRows', t.name, values);
            values.forEach((r, i) =>
              r.forEach((v, j) =>
                setCell(t.sheet, t.row + 1 + t.bodyRows + i, t.col + j, { value: v }),
              ),
            );
            t.bodyRows += values.length;
          },
        },
        columns: {
          add: (_index, _values, name) => {
            log('addColumn', t.name, name);
            setCell(t.sheet, t.row, t.col + t.cols, { value: name });
            t.cols++;
          },
        },
      },
      () => ({ name: t.name }),
    );
    return x;
  }

  function range(s, g) {
    const check = (data, what) => {
      if (data.length !== g.rows || data.some((r) => r.length !== g.cols)) {
        throw new Error(`${what}: ${data.length}x${data[0]?.length} into ${g.rows}x${g.cols}`);
      }
    };
    const grid = (pick) =>
      Array.from({ length: g.rows }, (_, i) =>
        Array.from({ length: g.cols }, (_, j) => pick(s.cells.get(`${g.row + i},${g.col + j}`))),
      );
    const validation = (what) => ({
      set: (v) => {
        log(`validation.${what}`, address(g), v);
        let entry = s.validations.find((e) => e.address === address(g));
        if (!entry) s.validations.push((entry = { address: address(g) }));
        entry[what] = v;
      },
    });
    // Writes a grid of values or formats into the range's cells (`what` is 'values' or
    // 'numberFormat', `field` the cell's field); Office.js leaves a cell unchanged where the array
    // holds null.
    const setGrid = (what, field, data) => {
      log(what, s.name, address(g), data);
      check(data, what);
      data.forEach((row, i) =>
        row.forEach((v, j) => v !== null && setCell(s, g.row + i, g.col + j, { [field]: v })),
      );
    };
    const r = loadable(
      {
        get values() {
          return r._get('values');
        },
        set values(data) {
          setGrid('values', 'value', data);
        },
        get numberFormat() {
          return r._get('numberFormat');
        },
        set numberFormat(data) {
          setGrid('numberFormat', 'format', data);
        },
        get rowIndex() {
          return r._get('rowIndex');
        },
        get columnIndex() {
          return r._get('columnIndex');
        },
        get rowCount() {
          return r._get('rowCount');
        },
        get columnCount() {
          return r._get('columnCount');
        },
        get isNullObject() {
          return r._get('isNullObject');
        },
        format: formatSink(s, g),
        dataValidation: {
          set rule(v) {
            validation('rule').set(v);
          },
          set prompt(v) {
            validation('prompt').set(v);
          },
          set errorAlert(v) {
            validation('errorAlert').set(v);
          },
        },
        clear: (what) => {
          log('clear', s.name, address(g), what);
          for (const key of [...s.cells.keys()]) {
            const [i, j] = key.split(',').map(Number);
            const inside = i >= g.row && i < g.row + g.rows && j >= g.col && j < g.col + g.cols;
            if (inside) s.cells.get(key).value = '';
          }
        },
        select: () => {
          log('select', s.name, address(g));
          fake.active = { sheet: s.name, cell: address(g) };
        },
        getCell: (i, j) => range(s, { row: g.row + i, col: g.col + j, rows: 1, cols: 1 }),
        getRow: (i) => range(s, { ...g, row: g.row + i, rows: 1 }),
        getIntersection: (other) => range(s, intersection(g, other._geometry())),
        getResizedRange: (di, dj) => range(s, { ...g, rows: g.rows + di, cols: g.cols + dj }),
        _address: () => `${s.name}!${address(g)}`,
        _geometry: () => g,
      },
      () => ({
        values: grid((c) => c?.value ?? ''),
        numberFormat: grid((c) => c?.format ?? 'General'),
        rowIndex: g.row,
        columnIndex: g.col,
        rowCount: g.rows,
        columnCount: g.cols,
        isNullObject: false,
      }),
    );
    return r;
  }

  function formatSink(s, g) {
    const set = (what) => (v) => {
      log(`format.${what}`, s.name, address(g), v);
      if (what === 'columnWidth') for (let j = 0; j < g.cols; j++) s.widths.set(g.col + j, v);
      else s.format.push({ address: address(g), [what]: v });
    };
    /** Setters of `props` that record as `${prefix}${Prop}` (font.size as fontSize, ...). */
    const setters = (prefix, props) =>
      Object.defineProperties(
        {},
        Object.fromEntries(
          props.map((p) => [
            p,
            { set: set(prefix ? prefix + p[0].toUpperCase() + p.slice(1) : p), enumerable: true },
          ]),
        ),
      );
    return Object.assign(setters('', ['columnWidth', 'wrapText', 'verticalAlignment']), {
      font: Object.defineProperties(setters('font', ['size', 'color']), {
        // A bold font records as `bold`, as it always has.
        bold: { set: set('bold'), enumerable: true },
      }),
      fill: setters('fill', ['color']),
      borders: {
        getItem: (edge) => setters(`border${edge}`, ['style', 'weight', 'color']),
      },
      autofitRows: () => {
        log('format.autofitRows', s.name, address(g));
        s.format.push({ address: address(g), autofitRows: true });
      },
    });
  }

  function nullObject() {
    const n = loadable(
      {
        get isNullObject() {
          return n._get('isNullObject');
        },
      },
      () => ({ isNullObject: true }),
    );
    return n;
  }

  fake.context = { workbook, sync };

  /** The table's body rows as arrays of its cells (copies), top to bottom. */
  function bodyRowsOf(t) {
    return Array.from({ length: t.bodyRows }, (_, i) =>
      Array.from({ length: t.cols }, (_, j) => {
        const cell = t.sheet.cells.get(`${t.row + 1 + i},${t.col + j}`);
        return cell === undefined ? undefined : { ...cell };
      }),
    );
  }

  /** Writes rows into the table's body from its first row; missing cells become empty. */
  function putBodyRows(t, rows) {
    rows.forEach((r, i) => {
      for (let j = 0; j < t.cols; j++) {
        const key = `${t.row + 1 + i},${t.col + j}`;
        if (r[j] === undefined) t.sheet.cells.delete(key);
        else t.sheet.cells.set(key, r[j]);
      }
    });
  }

  /** Calls the onChanged handlers as Excel would, awaiting them all. */
  async function fireTableChanged(t, changeType, source = 'Local') {
    const event = {
      type: 'TableChanged',
      tableId: t.name,
      worksheetId: t.sheet.name,
      changeType,
      source,
    };
    await Promise.all(fake.tableListeners.map((h) => h(event)));
  }
  return fake;
}

/** Stores a cell; a string starting with "=" becomes a formula unless the cell is text ('@'). */
function setCell(sheet, row, col, change) {
  const key = `${row},${col}`;
  const cell = sheet.cells.get(key) ?? { value: '', format: 'General', formula: false };
  if ('format' in change) cell.format = change.format;
  if ('value' in change) {
    cell.value = change.value;
    cell.formula =
      typeof change.value === 'string' && change.value.startsWith('=') && cell.format !== '@';
  }
  sheet.cells.set(key, cell);
}

/** The area two areas share; Excel throws when they share none. */
function intersection(a, b) {
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rows = Math.min(a.row + a.rows, b.row + b.rows) - row;
  const cols = Math.min(a.col + a.cols, b.col + b.cols) - col;
  if (rows <= 0 || cols <= 0) throw new Error('InvalidArgument: no intersection');
  return { row, col, rows, cols };
}

function usedArea(sheet) {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (const [key, cell] of sheet.cells) {
    if (cell.value === '' || cell.value === null) continue;
    const [i, j] = key.split(',').map(Number);
    top = Math.min(top, i);
    left = Math.min(left, j);
    bottom = Math.max(bottom, i);
    right = Math.max(right, j);
  }
  return bottom < 0
    ? null
    : { row: top, col: left, rows: bottom - top + 1, cols: right - left + 1 };
}

/** A sink for any chain of calls and assignments on an item that does not exist. */
function sink() {
  const target = () => undefined;
  const proxy = new Proxy(target, {
    get: (_t, prop) => (prop === 'then' ? undefined : proxy),
    set: () => true,
    apply: () => proxy,
  });
  return proxy;
}

function same(a, b) {
  return a.toLowerCase() === b.toLowerCase();
}

export function columnLetters(col) {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function address(g) {
  const from = `${columnLetters(g.col + 1)}${g.row + 1}`;
  if (g.rows === 1 && g.cols === 1) return from;
  return `${from}:${columnLetters(g.col + g.cols)}${g.row + g.rows}`;
}

export function parseA1(a1) {
  const m = /^([A-Z]+)(\d+)$/.exec(a1.replace(/\$/g, ''));
  if (!m) throw new Error(`bad address ${a1}`);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { row: Number(m[2]) - 1, col };
}

function parseAddress(a) {
  const [from, to = from] = a.split(':');
  const f = parseA1(from);
  const t = parseA1(to);
  return { row: f.row, col: f.col, rows: t.row - f.row + 1, cols: t.col - f.col + 1 };
}
