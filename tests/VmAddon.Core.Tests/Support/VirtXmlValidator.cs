using System.Diagnostics;

namespace VmAddon.Core.Tests.Support;

/// <summary>Judges XML with libvirt's own schemas through <c>virt-xml-validate</c>, which golden tests reuse.</summary>
public static class VirtXmlValidator
{
    private const string Tool = "virt-xml-validate";

    /// <summary>virt-xml-validate is a shell script around xmllint, which libvirt-clients does not pull in.</summary>
    private const string Xmllint = "xmllint";

    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    /// <summary>Fails the test unless <paramref name="xml"/> is a valid libvirt document of schema <paramref name="schema"/>.</summary>
    public static void AssertValid(string xml, string schema = "domain")
    {
        ArgumentNullException.ThrowIfNull(xml);
        var tool = FindOnPath(Tool)
            ?? throw new InvalidOperationException($"{Tool} is not installed: install the Debian package libvirt-clients (and libxml2-utils for xmllint), for example with `make deps`.");
        _ = FindOnPath(Xmllint)
            ?? throw new InvalidOperationException($"{Xmllint}, which {Tool} runs, is not installed: install the Debian package libxml2-utils, for example with `make deps`.");

        var file = Path.Combine(Path.GetTempPath(), $"vmaddon-{Guid.NewGuid():N}.xml");
        File.WriteAllText(file, xml);
        try
        {
            var (exitCode, output) = Run(tool, file, schema);
            exitCode.Should().Be(0, "libvirt's {0} schema must accept the XML.\n{1}\n--- XML ---\n{2}", schema, output, xml);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int ExitCode, string Output) Run(string tool, string file, string schema)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(file);
        start.ArgumentList.Add(schema);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(s_deadline))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{tool} did not finish within {s_deadline}");
        }

        return (process.ExitCode, stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult());
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
