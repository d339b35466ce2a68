using System.Formats.Tar;
using System.Text;

namespace TodoChatbot.EndToEnd.Tests;

/// <summary>The files of every layer of a <c>docker save</c> archive, read in memory for searching.</summary>
public static class ImageArchive
{
    public sealed record Entry(string Path, byte[] Content)
    {
        public bool Contains(string text) => Content.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
    }

    public static IReadOnlyList<Entry> Files(string archive)
    {
        var files = new List<Entry>();
        using var outer = new TarReader(File.OpenRead(archive));
        while (outer.GetNextEntry() is { } entry)
        {
            if (entry.DataStream is null)
                continue;
            using var data = new MemoryStream();
            entry.DataStream.CopyTo(data);
            if (entry.Name.EndsWith("layer.tar", StringComparison.Ordinal) || entry.Name.StartsWith("blobs/", StringComparison.Ordinal))
                files.AddRange(TryReadLayer(data.ToArray()));
            else
                files.Add(new Entry(entry.Name, data.ToArray()));
        }
        return files;
    }

    private static IEnumerable<Entry> TryReadLayer(byte[] layer)
    {
        var files = new List<Entry>();
        try
        {
            using var reader = new TarReader(new MemoryStream(layer));
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is null)
                {
                    files.Add(new Entry(entry.Name, []));
                    continue;
                }
                using var data = new MemoryStream();
                entry.DataStream.CopyTo(data);
                files.Add(new Entry(entry.Name, data.ToArray()));
            }
        }
        catch (InvalidDataException)
        {
            // Not a tar (a config or manifest blob): search it as it is.
            files.Add(new Entry("blob", layer));
        }
        return files;
    }
}
