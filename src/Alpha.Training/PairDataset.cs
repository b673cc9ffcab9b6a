using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using Alpha.MarketData;

namespace Alpha.Training;

/// <summary>The two legs a model is trained on, with the provenance <c>dataset_index.json</c> records.</summary>
public sealed class PairDataset
{
    private PairDataset(BarSeries a, BarSeries b, ImmutableArray<DatasetFile> files)
    {
        A = a;
        B = b;
        Files = files;
    }

    /// <summary>Leg A (the dependent leg of the hedge regression).</summary>
    public BarSeries A { get; }

    /// <summary>Leg B.</summary>
    public BarSeries B { get; }

    /// <summary>Where the bars came from: A's then B's.</summary>
    public ImmutableArray<DatasetFile> Files { get; }

    /// <summary>SHA-256 over the inputs' hashes in order (the run's <c>data_hash</c>), lowercase hex.</summary>
    public string DataHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Files.Select(f => f.Sha256)))));

    /// <summary>
    /// Reads both legs from bar files, strictly validated: CSV files (MetaTrader 5 layout unless
    /// <paramref name="format"/> says otherwise) and QuantConnect Lean hour or daily archives (<c>.zip</c>, read with
    /// <paramref name="lean"/>), which may be mixed.
    /// </summary>
    /// <param name="pathA">Leg A's file; its symbol is the file name up to the first '_' or '.' (upper-cased for a Lean archive).</param>
    /// <param name="pathB">Leg B's file.</param>
    /// <param name="format">The CSV layout.</param>
    /// <param name="lean">How Lean archives are read (bid prices of an Oanda archive by default).</param>
    /// <exception cref="BarFormatException">A file is not bars, or a row is malformed (the message names file, line and column).</exception>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    public static PairDataset FromFiles(string pathA, string pathB, BarCsvFormat? format = null, LeanDataOptions? lean = null)
    {
        // The legs are independent: both are read at once; A's error, if any, is rethrown as is, then B's.
        var legs = new (BarSeries Series, DatasetFile File)[2];
        var errors = new ExceptionDispatchInfo?[2];
        Parallel.For(0, 2, leg =>
        {
            try
            {
                legs[leg] = Read(leg == 0 ? pathA : pathB, format, lean);
            }
            catch (Exception e)
            {
                errors[leg] = ExceptionDispatchInfo.Capture(e);
            }
        });
        errors[0]?.Throw();
        errors[1]?.Throw();
        return new PairDataset(legs[0].Series, legs[1].Series, [legs[0].File, legs[1].File]);
    }

    /// <summary>Wraps bars already in memory (generated, or read from a database); each leg is hashed over its values.</summary>
    public static PairDataset FromSeries(BarSeries a, BarSeries b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return new PairDataset(a, b, [Describe(a), Describe(b)]);
    }

    private static (BarSeries, DatasetFile) Read(string path, BarCsvFormat? format, LeanDataOptions? lean)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Bar file '{path}' does not exist.", path);
        }

        // Read once: the same bytes are parsed and hashed.
        byte[] bytes = File.ReadAllBytes(path);
        BarSeries series = BarFiles.LoadBytes(bytes, path, format, lean);
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        return (series, new DatasetFile(Path.GetFileName(path), series.Symbol, series.Count, First(series), Last(series), hash));
    }

    private static DatasetFile Describe(BarSeries series)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[8];
        for (int i = 0; i < series.Count; i++)
        {
            BitConverter.TryWriteBytes(buffer, series.Time[i].Ticks);
            hash.AppendData(buffer);
            foreach (double v in (ReadOnlySpan<double>)[series.Open[i], series.High[i], series.Low[i], series.Close[i], series.Volume[i]])
            {
                BitConverter.TryWriteBytes(buffer, v);
                hash.AppendData(buffer);
            }
        }

        return new DatasetFile($"memory:{series.Symbol}", series.Symbol, series.Count, First(series), Last(series), Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static DateTime First(BarSeries s) => s.Count == 0 ? default : s.Time[0];

    private static DateTime Last(BarSeries s) => s.Count == 0 ? default : s.Time[s.Count - 1];
}
