namespace VmAddon.Api;

/// <summary>The values VmAddon fills in when a spec leaves them out; KubeVirt's unless a comment says otherwise.</summary>
public static class ApiDefaults
{
    /// <summary>Cores per socket, sockets and threads per core: one each, so one vCPU (KubeVirt).</summary>
    public const int CpuTopologyUnit = 1;

    /// <summary>The machine type, q35 (KubeVirt's default on x86_64).</summary>
    public const string MachineType = "q35";

    /// <summary>The bus of a hard disk, virtio (KubeVirt).</summary>
    public const string DiskBus = Api.DiskBus.Virtio;

    /// <summary>The bus of a CD-ROM, sata (KubeVirt).</summary>
    public const string CdRomBus = Api.DiskBus.Sata;

    /// <summary>CD-ROMs are read-only unless told otherwise (KubeVirt).</summary>
    public const bool CdRomReadonly = true;

    /// <summary>The NIC model, virtio (KubeVirt).</summary>
    public const string InterfaceModel = Api.InterfaceModel.Virtio;

    /// <summary>The protocol of a forwarded port, TCP (KubeVirt).</summary>
    public const string PortProtocol = "TCP";

    /// <summary>Seconds a guest has to shut down before it is powered off: 30 (KubeVirt).</summary>
    public const long TerminationGracePeriodSeconds = 30;

    /// <summary>EFI Secure Boot is on unless turned off (KubeVirt).</summary>
    public const bool EfiSecureBoot = true;

    /// <summary>
    /// The name of the network and interface added when a spec lists none, "default" (KubeVirt).
    /// KubeVirt binds it with bridge; VmAddon uses masquerade, because a non-root launcher
    /// reaches the pod network with user-mode networking and no bridge.
    /// </summary>
    public const string PodNetworkName = "default";

    /// <summary>A pool without replicas runs one VM (KubeVirt).</summary>
    public const int PoolReplicas = 1;

    /// <summary>The run strategy of a VM that sets neither running nor runStrategy: Halted (KubeVirt).</summary>
    public const string RunStrategy = Api.RunStrategy.Halted;
}
