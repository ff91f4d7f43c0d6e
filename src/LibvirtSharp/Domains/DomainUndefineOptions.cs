namespace LibvirtSharp;

/// <summary>Flags for undefining a domain (<c>virDomainUndefineFlagsValues</c>).</summary>
[Flags]
public enum DomainUndefineOptions
{
    None = 0,
    ManagedSave = 1,
    SnapshotsMetadata = 2,
    Nvram = 4,
    KeepNvram = 8,
    CheckpointsMetadata = 16,
    Tpm = 32,
    KeepTpm = 64,
}
