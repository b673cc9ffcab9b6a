using System.Text;

namespace Alpha.MarketData;

/// <summary>
/// Reads a bar file of any supported kind by its name: a QuantConnect Lean archive (<c>.zip</c>, <see cref="LeanBarReader"/>)
/// or a CSV (MetaTrader 5 export or generic, <see cref="BarCsvReader"/>); the symbol is the file name's
/// (<see cref="BarCsvReader.SymbolOf"/>).
/// </summary>
public static class BarFiles
{
    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="BarFormatException">A row or entry is malformed (named with file and row).</exception>
    public static BarSeries Load(string path, BarCsvFormat? format = null, LeanDataOptions? lean = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Bar file '{path}' does not exist.", path);
        }

        return LoadBytes(File.ReadAllBytes(path), path, format, lean);
    }

    /// <summary>Reads a file's bytes already in memory; <paramref name="path"/> names it (kind, symbol, errors).</summary>
    /// <exception cref="BarFormatException">A row or entry is malformed (named with file and row).</exception>
    public static BarSeries LoadBytes(byte[] bytes, string path, BarCsvFormat? format, LeanDataOptions? lean)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (LeanBarReader.IsLeanArchive(path))
        {
            return new LeanBarReader(lean).LoadArchive(new MemoryStream(bytes, writable: false), path, BarCsvReader.SymbolOf(path).ToUpperInvariant());
        }

        using var text = new StreamReader(new MemoryStream(bytes, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return new BarCsvReader(format).Load(text, path, BarCsvReader.SymbolOf(path));
    }
}
