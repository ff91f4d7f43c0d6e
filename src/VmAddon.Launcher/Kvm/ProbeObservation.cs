namespace VmAddon.Launcher.Kvm;

/// <summary>What was seen of one probe boot: the marker, the deadline passing, or QEMU's exit and last error line.</summary>
internal sealed record ProbeObservation(bool SawMarker, bool TimedOut, int? ExitCode, string ErrorTail);
