using System.Net.Sockets;
using System.Text;
using VmAddon.Launcher.Tests.Support;

namespace VmAddon.Launcher.Tests.Commands;

/// <summary><c>vmaddon-launcher console</c> against a unix socket the test serves in QEMU's place: an echo server.</summary>
public sealed class ConsoleCommandTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    private readonly ScratchDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Typed_bytes_reach_the_guest_its_output_reaches_the_user_and_Ctrl_close_bracket_detaches_with_0()
    {
        var path = _dir.File("serial0");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();
        var received = new StringBuilder();
        var server = EchoAsync(listener, received);

        await using var console = LauncherProcess.Start([], ["console", "--socket", path]);
        await console.Input.WriteAsync("uname\n");
        await console.Input.FlushAsync();
        await Eventually.WaitAsync(() => console.Output.Contains("echo: uname", StringComparison.Ordinal), s_deadline, () => $"the guest's reply on stdout; got: {console.Output} {console.Error}");

        await console.Input.WriteAsync("after\u001dnever sent");
        await console.Input.FlushAsync();

        (await console.WaitForExitAsync(s_deadline)).Should().Be(0, console.Error);
        await server;
        lock (received)
        {
            received.ToString().Should().Be("uname\nafter", "Ctrl+] and what follows it never reach the guest");
        }
    }

    [Fact]
    public async Task It_says_the_guest_is_not_running_when_the_socket_is_missing()
    {
        await using var console = LauncherProcess.Start([], ["console", "--socket", _dir.File("serial0")]);

        (await console.WaitForExitAsync(s_deadline)).Should().Be(1);
        console.Error.Should().Contain("the guest is not running");
    }

    [Fact]
    public async Task It_exits_0_and_says_so_when_the_guest_closes_the_console()
    {
        var path = _dir.File("serial0");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(path));
        listener.Listen();

        await using var console = LauncherProcess.Start([], ["console", "--socket", path]);
        using (var guest = await listener.AcceptAsync())
        {
            await guest.SendAsync("reboot: Power down\r\n"u8.ToArray(), SocketFlags.None);
        }

        (await console.WaitForExitAsync(s_deadline)).Should().Be(0, console.Error);
        console.Output.Should().Contain("reboot: Power down");
        console.Error.Should().Contain("the guest's console closed");
    }

    /// <summary>Serves one connection: records what arrives and answers each chunk with "echo: " and the chunk.</summary>
    private static async Task EchoAsync(Socket listener, StringBuilder received)
    {
        using var connection = await listener.AcceptAsync();
        var buffer = new byte[1024];
        try
        {
            int read;
            while ((read = await connection.ReceiveAsync(buffer, SocketFlags.None)) > 0)
            {
                var text = Encoding.UTF8.GetString(buffer, 0, read);
                lock (received)
                {
                    received.Append(text);
                }

                await connection.SendAsync(Encoding.UTF8.GetBytes("echo: " + text), SocketFlags.None);
            }
        }
        catch (SocketException)
        {
            // The console closes with our last echo unread, which resets the connection: it detached.
        }
    }
}
