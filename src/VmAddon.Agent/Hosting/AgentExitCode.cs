namespace VmAddon.Agent.Hosting;

/// <summary>The process exit code, set to 1 by the service when it stops on an error.</summary>
internal sealed class AgentExitCode
{
    public int Value { get; set; }
}
