using Precis.Pipeline;

namespace Precis.Benchmarking;

/// <summary>
/// What one stage cost: wall time, CPU time of the whole process (more than the wall time means other
/// threads, such as the GC or the JIT, worked too), and bytes allocated on the managed heap.
/// </summary>
public sealed record StageMeasurement(string Stage, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes);

/// <summary>
/// Times the stages of a pipeline run from its <see cref="PipelineProgress"/> reports: a stage runs from its
/// first report to the first report of the next stage. Work after a stage reports itself complete
/// (Done = Total) and before the next stage reports goes to <see cref="Untracked"/>, so every tick between
/// <see cref="Start"/> and <see cref="Stop"/> belongs to exactly one measurement. The harness adds its own
/// stages (reading, output) with <see cref="Begin"/>. Not for concurrent runs: one timer per run.
/// </summary>
public sealed class StageTimer : IProgress<PipelineProgress>
{
    /// <summary>The name under which time between a completed stage and the next one is recorded.</summary>
    public const string Untracked = "other";

    private readonly Lock _lock = new();
    private readonly List<StageMeasurement> _stages = [];
    private readonly TimeProvider _time;
    private long _started;
    private string? _current;
    private Mark _since;

    /// <param name="time">The clock for wall time (the system's by default; tests pass a manual one).</param>
    public StageTimer(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    private readonly record struct Mark(TimeSpan Elapsed, TimeSpan Cpu, long Allocated);

    /// <summary>Stages in the order they ran; a stage that ran twice appears twice.</summary>
    public IReadOnlyList<StageMeasurement> Stages => _stages;

    /// <summary>Wall time from <see cref="Start"/> to <see cref="Stop"/>: the sum of <see cref="Stages"/>.</summary>
    public TimeSpan Total { get; private set; }

    public void Start()
    {
        _stages.Clear();
        _started = _time.GetTimestamp();
        _since = new Mark(TimeSpan.Zero, Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes());
        _current = Untracked;
    }

    /// <summary>Closes the running stage and opens <paramref name="stage"/>.</summary>
    public void Begin(string stage)
    {
        lock (_lock) Switch(stage);
    }

    public void Report(PipelineProgress value)
    {
        lock (_lock)
        {
            if (value.Stage != _current) Switch(value.Stage);
            if (value.Done >= value.Total) Switch(Untracked);
        }
    }

    public void Stop()
    {
        lock (_lock)
        {
            Switch(null);
            Total = _since.Elapsed;
        }
    }

    private void Switch(string? next)
    {
        if (next == _current) return;
        var now = Now();
        if (_current is not null && now.Elapsed > _since.Elapsed)
            _stages.Add(new StageMeasurement(_current, now.Elapsed - _since.Elapsed, now.Cpu - _since.Cpu, now.Allocated - _since.Allocated));
        _current = next;
        _since = now;
    }

    private Mark Now() => new(_time.GetElapsedTime(_started), Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes());
}
