namespace VmAddon.DevCluster.Nodes;

/// <summary>
/// Resolves container images to what runs them on this machine, from the cluster config's image map:
/// <c>vmaddon.dev/host</c> runs the command as it is, program images run a local build, disk images
/// (containerDisks) are local disk files. Keys match an image exactly, or by repository with <c>:*</c>.
/// </summary>
public sealed class ImageMap(IReadOnlyDictionary<string, ImageTarget> entries)
{
    /// <summary>The image that means "run the container's command on this host as it is".</summary>
    public const string HostImage = "vmaddon.dev/host";

    public IReadOnlyDictionary<string, ImageTarget> Entries { get; } = entries;

    /// <summary>What an image runs as; null when the map has no entry (the pod gets ErrImagePull, as a real kubelet would).</summary>
    public ImageTarget? Resolve(string image)
    {
        var repository = Repository(image);
        if (repository == HostImage)
        {
            return ImageTarget.Host;
        }

        return Entries.TryGetValue(image, out var exact) ? exact
            : Entries.TryGetValue(repository + ":*", out var any) ? any
            : null;
    }

    // The image without its tag or digest: registry:port/name:tag@sha256:... → registry:port/name.
    private static string Repository(string image)
    {
        var name = image.Split('@')[0];
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? name[..colon] : name;
    }
}

/// <summary>What an image stands for on this machine.</summary>
/// <param name="Kind">Host, Program or Disk.</param>
/// <param name="Path">The program to run instead of the command's first word (Program), or the disk file (Disk).</param>
public sealed record ImageTarget(ImageKind Kind, string? Path = null)
{
    public static readonly ImageTarget Host = new(ImageKind.Host);

    /// <summary>
    /// The command as this image runs it: a Program image's entrypoint, named by its file name as a container image
    /// would have it on its PATH, is this build of the program. Container starts and exec both go through here.
    /// </summary>
    public IReadOnlyList<string> Resolve(IReadOnlyList<string> command)
    {
        if (Kind != ImageKind.Program || Path is not { } program || command.Count == 0 || System.IO.Path.GetFileName(command[0]) != System.IO.Path.GetFileName(program))
        {
            return command;
        }

        return [program, .. command.Skip(1)];
    }
}

public enum ImageKind
{
    /// <summary>Run the command as written, with the host's programs.</summary>
    Host,

    /// <summary>Run this local program when the command names the image's entrypoint (or has none).</summary>
    Program,

    /// <summary>A disk image file, for image volumes (containerDisks).</summary>
    Disk,
}
