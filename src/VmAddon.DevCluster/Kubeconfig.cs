namespace VmAddon.DevCluster;

/// <summary>The kubeconfig vmaddon-dev writes: one cluster, one context, and a placeholder token.</summary>
/// <remarks>The dev server authenticates nobody; the token is there because KubernetesClient refuses a user entry without credentials.</remarks>
public static class Kubeconfig
{
    public const string ContextName = "vmaddon-dev";

    public static string Render(Uri server) => $"""
        apiVersion: v1
        kind: Config
        clusters:
        - name: {ContextName}
          cluster:
            server: {server.ToString().TrimEnd('/')}
        users:
        - name: {ContextName}
          user:
            token: vmaddon-dev-no-authentication
        contexts:
        - name: {ContextName}
          context:
            cluster: {ContextName}
            user: {ContextName}
            namespace: default
        current-context: {ContextName}
        preferences: {"{}"}

        """;

    /// <summary>Writes the file atomically (a reader never sees half of it), readable by its owner only.</summary>
    public static void Write(string path, Uri server)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temporary = full + ".tmp";
        File.WriteAllText(temporary, Render(server));
        File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temporary, full, overwrite: true);
    }
}
