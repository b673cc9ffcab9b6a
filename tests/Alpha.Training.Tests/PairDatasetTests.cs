using System.Security.Cryptography;
using System.Text;

namespace Alpha.Training.Tests;

public sealed class PairDatasetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alpha-dataset-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FromFiles_RecordsEachFile_WithTheSha256OfItsBytes()
    {
        string a = Write("AUDUSD_H4.csv", "0.80", withBom: true), b = Write("NZDUSD_H4.csv", "0.70", withBom: false);

        var data = PairDataset.FromFiles(a, b);

        Assert.Equal(["AUDUSD", "NZDUSD"], data.Files.Select(f => f.Symbol));
        Assert.Equal(["AUDUSD_H4.csv", "NZDUSD_H4.csv"], data.Files.Select(f => f.Name));
        Assert.All(data.Files, f => Assert.Equal(3, f.Rows));
        Assert.Equal(new DateTime(2024, 1, 2, 0, 0, 0), data.Files[0].First);
        Assert.Equal(new DateTime(2024, 1, 2, 8, 0, 0), data.Files[0].Last);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(a))), data.Files[0].Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(b))), data.Files[1].Sha256);
        Assert.Equal(0.80, data.A.Close[0]);     // the byte-order mark is not part of the header
    }

    [Fact]
    public void FromFiles_MissingFile_NamesIt()
    {
        string a = Write("AUDUSD_H4.csv", "0.80", withBom: false), missing = Path.Combine(_folder, "NZDUSD_H4.csv");

        Assert.Equal(missing, Assert.Throws<FileNotFoundException>(() => PairDataset.FromFiles(a, missing)).FileName);
    }

    private string Write(string name, string price, bool withBom)
    {
        string path = Path.Combine(_folder, name);
        var text = new StringBuilder("Time\tOpen\tHigh\tLow\tClose\tVolume\n");
        foreach (string time in new[] { "2024-01-02 00:00:00", "2024-01-02 04:00:00", "2024-01-02 08:00:00" })
        {
            text.Append($"{time}\t{price}\t{price}\t{price}\t{price}\t100\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(withBom));
        return path;
    }
}
