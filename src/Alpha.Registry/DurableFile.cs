namespace Alpha.Registry;

/// <summary>Files written so that a crash leaves either nothing or the whole file.</summary>
internal static class DurableFile
{
    /// <summary>Creates a new file (never overwrites) and flushes it to disk.</summary>
    public static void Write(string path, ReadOnlySpan<byte> content)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Replaces a file atomically: a flushed temporary file renamed over it.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> content)
    {
        string temporary = path + ".tmp";
        File.Delete(temporary);
        Write(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }
}
