using System.Globalization;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tables;

/// <summary>Pods as kube-apiserver prints them (printPod in pkg/printers/internalversion): READY, STATUS, RESTARTS with the last restart's age, and the wide columns.</summary>
internal sealed class PodRowPrinter : RowPrinter
{
    private static readonly IReadOnlyList<TableColumn> _columns =
    [
        TableColumn.NameColumn,
        new("Ready", "string", "The aggregate readiness state of this pod for accepting traffic."),
        new("Status", "string", "The aggregate status of the containers in this pod."),
        new("Restarts", "string", "The number of times the containers in this pod have been restarted and when the last container in this pod has restarted."),
        TableColumn.AgeColumn,
        new("IP", "string", ColumnDescriptions.PodIP, Priority: 1),
        new("Node", "string", ColumnDescriptions.PodNodeName, Priority: 1),
        new("Nominated Node", "string", ColumnDescriptions.NominatedNodeName, Priority: 1),
        new("Readiness Gates", "string", ColumnDescriptions.ReadinessGates, Priority: 1),
    ];

    public override IReadOnlyList<TableColumn> Columns => _columns;

    public override JsonArray? Conditions(JsonObject obj) => JsonFields.String(obj, "status", "phase") switch
    {
        "Succeeded" => [Condition("Succeeded", "The pod has completed successfully.")],
        "Failed" => [Condition("Failed", "The pod failed.")],
        _ => null,
    };

    public override JsonArray Cells(JsonObject pod, DateTimeOffset now)
    {
        var status = JsonFields.Object(pod, "status");
        var restarts = 0L;
        var restartableInitContainerRestarts = 0L;
        var totalContainers = JsonFields.Count(pod, "spec", "containers");
        var readyContainers = 0;
        DateTimeOffset? lastRestartDate = null;
        DateTimeOffset? lastRestartableInitContainerRestartDate = null;

        var phase = JsonFields.String(status, "phase");
        var reason = phase;
        var statusReason = JsonFields.String(status, "reason");
        if (statusReason.Length > 0)
        {
            reason = statusReason;
        }

        foreach (var condition in JsonFields.Objects(status, "conditions"))
        {
            if (JsonFields.String(condition, "type") == "PodScheduled" && JsonFields.String(condition, "reason") == "SchedulingGated")
            {
                reason = "SchedulingGated";
            }
        }

        var initContainers = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var initContainerCount = JsonFields.Count(pod, "spec", "initContainers");
        foreach (var container in JsonFields.Objects(pod, "spec", "initContainers"))
        {
            initContainers[JsonFields.String(container, "name")] = container;
            if (IsRestartable(container))
            {
                totalContainers++;
            }
        }

        var initializing = false;
        var initStatuses = JsonFields.Array(status, "initContainerStatuses");
        for (var i = 0; i < initStatuses.Count; i++)
        {
            var container = initStatuses[i] as JsonObject;
            restarts += JsonFields.Integer(container, "restartCount");
            var terminatedAt = JsonFields.Time(container, "lastState", "terminated", "finishedAt");
            lastRestartDate = Later(lastRestartDate, terminatedAt);
            var spec = initContainers.GetValueOrDefault(JsonFields.String(container, "name"));
            var restartable = spec is not null && IsRestartable(spec);
            if (restartable)
            {
                restartableInitContainerRestarts += JsonFields.Integer(container, "restartCount");
                lastRestartableInitContainerRestartDate = Later(lastRestartableInitContainerRestartDate, terminatedAt);
            }

            var terminated = JsonFields.Object(container, "state", "terminated");
            var waiting = JsonFields.Object(container, "state", "waiting");
            if (terminated is not null && JsonFields.Integer(terminated, "exitCode") == 0)
            {
                continue;
            }

            if (restartable && JsonFields.OptionalBoolean(container, "started") == true)
            {
                if (JsonFields.Boolean(container, "ready"))
                {
                    readyContainers++;
                }

                continue;
            }

            if (terminated is not null)
            {
                // The init container failed.
                var terminatedReason = JsonFields.String(terminated, "reason");
                reason = terminatedReason.Length > 0 ? "Init:" + terminatedReason
                    : JsonFields.Integer(terminated, "signal") != 0 ? Invariant($"Init:Signal:{JsonFields.Integer(terminated, "signal")}")
                    : Invariant($"Init:ExitCode:{JsonFields.Integer(terminated, "exitCode")}");
            }
            else if (waiting is not null && JsonFields.String(waiting, "reason") is { Length: > 0 } waitingReason && waitingReason != "PodInitializing")
            {
                reason = "Init:" + waitingReason;
            }
            else
            {
                reason = Invariant($"Init:{i}/{initContainerCount}");
            }

            initializing = true;
            break;
        }

        if (!initializing || IsInitialized(status))
        {
            restarts = restartableInitContainerRestarts;
            lastRestartDate = lastRestartableInitContainerRestartDate;
            var hasRunning = false;
            var statuses = JsonFields.Array(status, "containerStatuses");
            for (var i = statuses.Count - 1; i >= 0; i--)
            {
                var container = statuses[i] as JsonObject;
                restarts += JsonFields.Integer(container, "restartCount");
                lastRestartDate = Later(lastRestartDate, JsonFields.Time(container, "lastState", "terminated", "finishedAt"));
                var waiting = JsonFields.Object(container, "state", "waiting");
                var terminated = JsonFields.Object(container, "state", "terminated");
                if (waiting is not null && JsonFields.String(waiting, "reason").Length > 0)
                {
                    reason = JsonFields.String(waiting, "reason");
                }
                else if (terminated is not null && JsonFields.String(terminated, "reason").Length > 0)
                {
                    reason = JsonFields.String(terminated, "reason");
                }
                else if (terminated is not null)
                {
                    reason = JsonFields.Integer(terminated, "signal") != 0
                        ? Invariant($"Signal:{JsonFields.Integer(terminated, "signal")}")
                        : Invariant($"ExitCode:{JsonFields.Integer(terminated, "exitCode")}");
                }
                else if (JsonFields.Boolean(container, "ready") && JsonFields.Object(container, "state", "running") is not null)
                {
                    hasRunning = true;
                    readyContainers++;
                }
            }

            // A pod whose last container completed but another still runs is Running (or NotReady), not Completed.
            if (reason == "Completed" && hasRunning)
            {
                reason = HasCondition(status, "Ready") ? "Running" : "NotReady";
            }
        }

        var deleting = JsonFields.At(pod, "metadata", "deletionTimestamp") is JsonValue;
        if (deleting && statusReason == "NodeLost")
        {
            reason = "Unknown";
        }
        else if (deleting && phase is not ("Failed" or "Succeeded"))
        {
            reason = "Terminating";
        }

        var restartsText = restarts.ToString(CultureInfo.InvariantCulture);
        if (restarts != 0 && lastRestartDate is { } last)
        {
            restartsText = Invariant($"{restarts} ({HumanDuration.Since(last, now)} ago)");
        }

        return
        [
            Name(pod),
            Invariant($"{readyContainers}/{totalContainers}"),
            reason,
            restartsText,
            Age(pod, now),
            OrNone(PodIP(status)),
            OrNone(JsonFields.String(pod, "spec", "nodeName")),
            OrNone(JsonFields.String(status, "nominatedNodeName")),
            ReadinessGates(pod, status),
        ];
    }

    /// <summary>The first pod IP; a v1 pod with only the singular <c>podIP</c> converts to that one IP.</summary>
    private static string PodIP(JsonObject? status)
    {
        var ips = JsonFields.Array(status, "podIPs");
        return ips.Count > 0 ? JsonFields.String(ips[0], "ip") : JsonFields.String(status, "podIP");
    }

    private static string ReadinessGates(JsonObject pod, JsonObject? status)
    {
        var gates = JsonFields.Objects(pod, "spec", "readinessGates").ToList();
        if (gates.Count == 0)
        {
            return "<none>";
        }

        var conditions = JsonFields.Objects(status, "conditions").ToList();
        var trueConditions = gates.Count(gate =>
            conditions.FirstOrDefault(c => JsonFields.String(c, "type") == JsonFields.String(gate, "conditionType")) is { } condition
            && JsonFields.String(condition, "status") == "True");
        return Invariant($"{trueConditions}/{gates.Count}");
    }

    /// <summary>A sidecar: an init container with <c>restartPolicy: Always</c>.</summary>
    private static bool IsRestartable(JsonObject container) => JsonFields.String(container, "restartPolicy") == "Always";

    private static bool IsInitialized(JsonObject? status) =>
        JsonFields.Objects(status, "conditions").FirstOrDefault(c => JsonFields.String(c, "type") == "Initialized") is { } condition
        && JsonFields.String(condition, "status") == "True";

    private static bool HasCondition(JsonObject? status, string type) =>
        JsonFields.Objects(status, "conditions").Any(c => JsonFields.String(c, "type") == type && JsonFields.String(c, "status") == "True");

    private static DateTimeOffset? Later(DateTimeOffset? current, DateTimeOffset? candidate) =>
        candidate is { } c && (current is null || current < c) ? c : current;

    private static JsonObject Condition(string reason, string message) => new()
    {
        ["type"] = "Completed",
        ["status"] = "True",
        ["reason"] = reason,
        ["message"] = message,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
