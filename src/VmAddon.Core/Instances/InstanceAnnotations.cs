namespace VmAddon.Core.Instances;

/// <summary>Annotations the renderers put on the objects they make, so controllers can compare them later.</summary>
public static class InstanceAnnotations
{
    /// <summary>
    /// On a VMI: the metadata.generation of the VM it was made from. The VM controller compares it with the VM's
    /// current generation to raise RestartRequired when the template changed under a running VMI (KubeVirt keeps
    /// the same fact in kubevirt.io/vm-generation).
    /// </summary>
    public const string VmGeneration = "vmaddon.io/vm-generation";
}
