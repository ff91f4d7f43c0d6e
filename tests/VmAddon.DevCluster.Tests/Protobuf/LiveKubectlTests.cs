using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Nodes;
using VmAddon.DevCluster.Protobuf;
using Xunit.Abstractions;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>
/// Runs the real kubectl 1.32 against a capture server, when it is installed, and checks that every body it
/// POSTs decodes to what the same command prints with --dry-run=client -o json. With
/// VMADDON_REWRITE_PROTOBUF_TESTDATA=1 it also rewrites testdata/ from what kubectl sent and printed.
/// </summary>
public sealed class LiveKubectlTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    private static readonly string[] Candidates = ["/usr/lib/google-cloud-sdk/bin/kubectl.1.32"];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, IndentSize = 4 };

    private readonly string _home = Directory.CreateTempSubdirectory("vmaddon-kubectl-").FullName;
    private CaptureApiServer? _server;

    public Task InitializeAsync()
    {
        _server = new CaptureApiServer();
        File.WriteAllText(Path.Combine(_home, "kubeconfig"), "apiVersion: v1\nkind: Config\n");
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        Directory.Delete(_home, recursive: true);
    }

    [Fact]
    public async Task Every_Generator_Body_From_Kubectl_Decodes_To_What_Kubectl_Prints()
    {
        var kubectl = FindKubectl();
        if (kubectl is null)
        {
            output.WriteLine("kubectl 1.32 is not installed; the captured bodies in testdata/ still cover these commands");
            return;
        }

        foreach (var kubectlCase in KubectlCases.All().Where(c => c.Live))
        {
            var expected = kubectlCase.DryRun
                ? JsonNode.Parse(await RunAsync(kubectl, WithFlags(kubectlCase.Args, "--dry-run=client", "-o", "json")))!
                : KubectlCases.Expected(kubectlCase.Name);

            await RunAsync(kubectl, kubectlCase.Args);

            var body = AssertOneProtobufPost(kubectlCase.Name, expected);
            if (Environment.GetEnvironmentVariable("VMADDON_REWRITE_PROTOBUF_TESTDATA") == "1")
            {
                await File.WriteAllTextAsync(Path.Combine(KubectlCases.Folder, $"{kubectlCase.Name}.pb.b64"), Convert.ToBase64String(body) + "\n");
                if (kubectlCase.DryRun)
                {
                    await File.WriteAllTextAsync(Path.Combine(KubectlCases.Folder, $"{kubectlCase.Name}.expected.json"), expected.ToJsonString(Indented) + "\n");
                }
            }
        }
    }

    [Fact]
    public async Task A_Tls_Secret_From_Kubectl_Decodes_To_What_Kubectl_Prints()
    {
        var kubectl = FindKubectl();
        if (kubectl is null)
        {
            output.WriteLine("kubectl 1.32 is not installed");
            return;
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=web.example.com", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        var certFile = Path.Combine(_home, "tls.crt");
        var keyFile = Path.Combine(_home, "tls.key");
        await File.WriteAllTextAsync(certFile, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyFile, key.ExportPkcs8PrivateKeyPem());
        string[] args = ["create", "secret", "tls", "web-tls", $"--cert={certFile}", $"--key={keyFile}", "--validate=false"];

        var expected = JsonNode.Parse(await RunAsync(kubectl, WithFlags(args, "--dry-run=client", "-o", "json")))!;
        await RunAsync(kubectl, args);

        var decoded = KubeProtobuf.Decode(AssertOneProtobufPost("secret-tls", expected));
        decoded["type"]!.GetValue<string>().Should().Be("kubernetes.io/tls");
    }

    /// <summary>Checks the one body kubectl POSTed and returns it.</summary>
    private byte[] AssertOneProtobufPost(string name, JsonNode expected)
    {
        var posts = _server!.TakeRequests();
        posts.Should().ContainSingle($"`{name}` POSTs one object");
        KubeProtobuf.IsProtobuf(posts[0].ContentType).Should().BeTrue($"`{name}` sends {posts[0].ContentType}");
        var decoded = KubeProtobuf.Decode(posts[0].Body);
        JsonNode.DeepEquals(decoded, expected).Should().BeTrue($"`{name}` decoded:\n{decoded}\nkubectl printed:\n{expected}");
        return posts[0].Body;
    }

    private async Task<string> RunAsync(string kubectl, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(kubectl)
        {
            WorkingDirectory = KubectlCases.Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in WithFlags(args, $"--server={_server!.Url}", $"--kubeconfig={Path.Combine(_home, "kubeconfig")}", $"--cache-dir={Path.Combine(_home, "cache")}"))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(Deadline);
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.Should().Be(0, $"kubectl {string.Join(' ', start.ArgumentList)} failed: {await stderr}");
        return await stdout;
    }

    // Flags go before "--", after which kubectl passes everything to the container command.
    private static string[] WithFlags(IEnumerable<string> args, params string[] flags)
    {
        var list = args.ToList();
        var separator = list.IndexOf("--");
        list.InsertRange(separator < 0 ? list.Count : separator, flags);
        return [.. list];
    }

    private static string? FindKubectl() => Candidates
        .Concat((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries).Select(d => Path.Combine(d, "kubectl.1.32")))
        .FirstOrDefault(File.Exists);
}
