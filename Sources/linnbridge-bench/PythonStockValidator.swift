/// The same stock validation written the way a Python integrator would, with the `csv` module:
/// header normalisation and aliases, SKU present, level a whole number ≥ 0 (12.0 allowed),
/// location GUID or name, field count equal to the header's. Prints the same line as `measure`.
enum PythonStockValidator {
    /// What both scripts share: the header aliases, their normalisation, the GUID pattern, opening the file.
    static let prelude = #"""
import csv, re, sys, time, resource, os
path = sys.argv[1]
size = os.path.getsize(path)
started = time.perf_counter()
ALIASES = {
    "sku": ["sku", "itemnumber", "productcode", "merchantsku", "itemsku", "stockcode"],
    "level": ["level", "stocklevel", "qty", "quantity", "onhand", "available", "stock", "qtyonhand"],
    "location": ["location", "locationname", "warehouse", "stocklocation", "locationid"],
}
def norm(h):
    h = h.lstrip("\ufeff").lower()
    return "".join(c for c in h if c.isalnum())
GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
def rows_of(f):
    sample = f.read(65536); f.seek(0)
    dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    reader = csv.reader(f, dialect)
    header = next(reader)
    names = [norm(h) for h in header]
    idx = {}
    for col, aliases in ALIASES.items():
        for i, n in enumerate(names):
            if n in aliases: idx[col] = i
    return reader, len(header), idx["sku"], idx["level"], idx.get("location")
"""#

    static let script = #"""
\#(prelude)
rows = valid = rejected = checksum = 0
with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
    reader, width, si, li, loc = rows_of(f)
    for row in reader:
        if not row: continue
        rows += 1
        if len(row) != width:
            rejected += 1; continue
        sku = row[si].strip()
        if not sku:
            rejected += 1; continue
        text = row[li].strip()
        whole, dot, frac = text.partition(".")
        if not whole.isdigit() or (dot and frac.strip("0") != "") or (dot and frac and not frac.isdigit()):
            rejected += 1; continue
        level = int(whole)
        if level > 2147483647:
            rejected += 1; continue
        if loc is not None:
            cell = row[loc].strip()
            location = ("id", cell.lower()) if GUID.match(cell) else (("name", cell) if cell else ("default",))
        valid += 1
        checksum += level + len(sku.encode("utf-8", "surrogateescape"))
elapsed = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(size, elapsed, rows, valid, rejected, checksum, rss)
"""#

    /// `check` as a Python integrator would write it: the same rules, then the same SKU and
    /// location twice (last row wins) with an exact dict over two passes, like ours.
    static let checkScript = #"""
\#(prelude)
def check(row, width, si, li, loc):
    if len(row) != width: return None
    sku = row[si].strip()
    if not sku: return None
    text = row[li].strip()
    whole, dot, frac = text.partition(".")
    if not whole.isdigit() or (dot and frac.strip("0") != "") or (dot and frac and not frac.isdigit()): return None
    if int(whole) > 2147483647: return None
    cell = row[loc].strip() if loc is not None else ""
    location = cell.lower() if cell else "default"
    return (sku, location)
last = {}
with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
    reader, width, si, li, loc = rows_of(f)
    for row in reader:
        if not row: continue
        key = check(row, width, si, li, loc)
        if key is not None: last[key] = reader.line_num
rows = valid = rejected = 0
with open(path, newline="", encoding="utf-8-sig", errors="surrogateescape") as f:
    reader, width, si, li, loc = rows_of(f)
    for row in reader:
        if not row: continue
        rows += 1
        key = check(row, width, si, li, loc)
        if key is None or last[key] != reader.line_num: rejected += 1
        else: valid += 1
elapsed = time.perf_counter() - started
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(size, elapsed, rows, valid, rejected, 0, rss)
"""#
}
