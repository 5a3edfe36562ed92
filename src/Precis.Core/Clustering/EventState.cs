using System.Runtime.InteropServices;

namespace Precis.Clustering;

/// <summary>A member of an event: the article id and the caller's tag for it (its index in a batch).</summary>
public readonly record struct EventMember(string ArticleId, int Tag);

/// <summary>
/// What an open event keeps of a member to place it again when the event is clustered again: its vectors,
/// time and arrival number, and its content-term counts (to weigh it by the IDF of the moment its event closes).
/// </summary>
internal readonly record struct MemberRecord(EventMember Member, double? Day, SparseVector Content, SparseVector Names, long Arrival, TermCounts Counts);

/// <summary>
/// An open event while the clusterer runs: the sums of its members' vectors (the centroid, unnormalized)
/// with their squared norms kept up to date, its time range and its members.
/// </summary>
internal sealed class EventState
{
    public EventState(int sequence, string id)
    {
        Sequence = sequence;
        Id = id;
    }

    /// <summary>Creation order; the older event wins ties and keeps its id when two merge.</summary>
    public int Sequence { get; }
    public string Id { get; }
    public Dictionary<int, float> Content { get; private set; } = [];
    public Dictionary<int, float> Names { get; private set; } = [];
    public double ContentNormSquared { get; private set; }
    public double NameNormSquared { get; private set; }
    public double? FirstDay { get; private set; }
    public double? LastDay { get; private set; }
    public long LastArrival { get; private set; }
    public List<EventMember> Members { get; } = [];

    /// <summary>Per member, in the order of <see cref="Members"/>: what re-clustering the window reads (dropped on close).</summary>
    public List<MemberRecord> Records { get; private set; } = [];

    /// <summary>Members whose names vector is not empty (the denominator of the average name similarity).</summary>
    public int NamedMembers { get; private set; }
    public bool IsOpen { get; private set; } = true;

    /// <summary>Scratch mark so an event is scored once per arrival.</summary>
    public long CandidateStamp { get; set; }

    /// <summary>Scratch: the part of the arriving article's content similarity its candidate terms give.</summary>
    public double PartialScore { get; set; }

    public double ContentNorm => Math.Sqrt(ContentNormSquared);
    public double NameNorm => Math.Sqrt(NameNormSquared);

    /// <summary>Adds a member's vectors; <paramref name="newContentTerm"/> is told each content term the event did not have.</summary>
    public void Add(MemberRecord record, Action<int, EventState>? newContentTerm)
    {
        var (member, day, content, names, arrival, _) = record;
        Members.Add(member);
        Records.Add(record);
        LastArrival = Math.Max(LastArrival, arrival);
        if (!names.IsEmpty) NamedMembers++;
        ContentNormSquared += Accumulate(Content, content, newContentTerm);
        NameNormSquared += Accumulate(Names, names, null);
        Extend(day);
    }

    /// <summary>Closes the event and lets go of its centroid (only the members remain).</summary>
    public void Close()
    {
        IsOpen = false;
        Content = [];
        Names = [];
        Records = [];
    }

    /// <summary>Days between <paramref name="day"/> and this event's date range; 0 inside it or when either is undated.</summary>
    public double GapDays(double? day)
    {
        if (day is not { } d || FirstDay is not { } first || LastDay is not { } last) return 0;
        return d < first ? first - d : d > last ? d - last : 0;
    }

    private void Extend(double? day)
    {
        if (day is not { } d) return;
        if (FirstDay is null || d < FirstDay) FirstDay = d;
        if (LastDay is null || d > LastDay) LastDay = d;
    }

    /// <summary>Adds <paramref name="vector"/> to <paramref name="sums"/>; returns the change of the squared norm.</summary>
    private double Accumulate(Dictionary<int, float> sums, SparseVector vector, Action<int, EventState>? newTerm)
    {
        double delta = 0;
        var ids = vector.Ids;
        var weights = vector.Weights;
        for (int i = 0; i < ids.Length; i++)
        {
            ref float slot = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, ids[i], out bool exists);
            float w = weights[i];
            delta += 2.0 * slot * w + (double)w * w;
            slot += w;
            if (!exists) newTerm?.Invoke(ids[i], this);
        }
        return delta;
    }
}
