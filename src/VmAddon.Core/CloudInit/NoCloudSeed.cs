namespace VmAddon.Core.CloudInit;

/// <summary>
/// The files of a cloud-init NoCloud seed. <see cref="UserData"/> and <see cref="NetworkData"/> are null when the
/// VMI gives none, or names a Secret for them: Secrets are read in the launcher Pod, never by the controller.
/// </summary>
public sealed record NoCloudSeed(string MetaData, string? UserData, string? NetworkData);
