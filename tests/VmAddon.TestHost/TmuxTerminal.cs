using System.Globalization;

namespace VmAddon.TestHost;

/// <summary>
/// A real terminal for a command, as a user has one: a detached tmux session on its own server, typed into with
/// send-keys and read with capture-pane. The command's exit code is printed after it as EXIT=N.
/// </summary>
public sealed class TmuxTerminal : IAsyncDisposable
{
    public const string ExitMarker = "EXIT=";

    private readonly string _server = "vmaddon-" + Guid.NewGuid().ToString("N")[..8];

    private TmuxTerminal()
    {
    }

    /// <summary>Runs <paramref name="command"/> (a shell command line) in a new 120×30 terminal with <paramref name="environment"/>.</summary>
    public static async Task<TmuxTerminal> StartAsync(string command, IReadOnlyDictionary<string, string> environment)
    {
        _ = Prerequisites.Which("tmux") ?? throw new InvalidOperationException("tmux is missing: the console tests type into a real terminal (make deps installs it)");
        var terminal = new TmuxTerminal();
        var exports = string.Join(' ', environment.Select(e => $"{e.Key}='{e.Value}'"));
        await terminal.TmuxAsync("new-session", "-d", "-s", "t", "-x", "120", "-y", "30", $"env {exports} sh -c '{command}; echo {ExitMarker}$?; sleep 600'");
        return terminal;
    }

    /// <summary>Types keys, as tmux send-keys takes them ("Enter" and "C-]" are keys; anything else is typed literally with -l).</summary>
    public Task TypeAsync(string text) => TmuxAsync("send-keys", "-t", "t", "-l", text);

    public Task PressAsync(string key) => TmuxAsync("send-keys", "-t", "t", key);

    /// <summary>What the terminal shows, with its scrollback.</summary>
    public Task<string> ScreenAsync() => TmuxAsync("capture-pane", "-p", "-J", "-t", "t", "-S", "-500");

    /// <summary>Waits until the screen shows <paramref name="text"/>; the hang guard's message has the screen.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan guard)
    {
        var until = DateTime.UtcNow + guard;
        while (true)
        {
            var screen = await ScreenAsync();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"the terminal never showed '{text}'. It shows:\n{screen}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The command's exit code once it has exited.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan guard)
    {
        var screen = await WaitForAsync(ExitMarker, guard);
        var at = screen.LastIndexOf(ExitMarker, StringComparison.Ordinal) + ExitMarker.Length;
        return int.Parse(new string([.. screen[at..].TakeWhile(char.IsDigit)]), CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync() => await HostCommand.TryRunAsync("tmux", "-L", _server, "kill-server");

    private Task<string> TmuxAsync(params string[] args) => HostCommand.RunAsync("tmux", ["-L", _server, .. args]);
}
