namespace VmAddon.Launcher.Tests.Support;

/// <summary>A short temporary directory (unix socket paths are limited to 107 bytes), removed afterwards.</summary>
internal sealed class ScratchDir : IDisposable
{
    public ScratchDir() => Path = Directory.CreateTempSubdirectory("vl-").FullName;

    public string Path { get; }

    public string Sub(string relative)
    {
        var path = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(path);
        return path;
    }

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A socket of a process killed by the test may linger briefly; /tmp is cleaned anyway.
        }
    }
}
