using k8s.Models;
using VmAddon.Api;

namespace VmAddon.Core.Rendering;

/// <summary>Everything one running instance is made of: the VMI, its launcher Pod, and its libvirt domain.</summary>
public sealed record RenderedInstance(VirtualMachineInstance Vmi, V1Pod Pod, string DomainXml);
