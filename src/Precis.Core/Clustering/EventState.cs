using System.Runtime.InteropServices;

namespace Precis.Clustering;

/// <summary>A member of an event: the article id and the caller's tag for it (its index in a batch).</summary>
public readonly record struct EventMember(string ArticleId, int Tag);

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
    public long LastArrival { get; set; }
    public List<EventMember> Members { get; } = [];

    /// <summary>Members whose names vector is not empty (the denominator of the average name similarity).</summary>
    public int NamedMembers { get; private set; }
    public bool IsOpen { get; private set; } = true;

    /// <summary>The event this one was merged into, if it was.</summary>
    public EventState? MergedInto { get; private set; }

    /// <summary>Scratch mark so an event is scored once per arrival.</summary>
    public long CandidateStamp { get; set; }

    /// <summary>Scratch: the part of the arriving article's content similarity its candidate terms give.</summary>
    public double PartialScore { get; set; }

    public double ContentNorm => Math.Sqrt(ContentNormSquared);
    public double NameNorm => Math.Sqrt(NameNormSquared);

    /// <summary>Adds a member's vectors; <paramref name="newContentTerm"/> is told each content term the event did not have.</summary>
    public void Add(EventMember member, SparseVector content, SparseVector names, double? day, Action<int, EventState> newContentTerm)
    {
        Members.Add(member);
        if (!names.IsEmpty) NamedMembers++;
        ContentNormSquared += Accumulate(Content, content, newContentTerm);
        NameNormSquared += Accumulate(Names, names, null);
        Extend(day);
    }

    /// <summary>Takes over another event's members and centroid; the other event is closed and forwards here.</summary>
    public void Absorb(EventState other, Action<int, EventState> newContentTerm)
    {
        Members.AddRange(other.Members);
        NamedMembers += other.NamedMembers;
        ContentNormSquared = MergeSums(Content, other.Content, newContentTerm);
        NameNormSquared = MergeSums(Names, other.Names, null);
        Extend(other.FirstDay);
        Extend(other.LastDay);
        LastArrival = Math.Max(LastArrival, other.LastArrival);
        other.MergedInto = this;
        other.Close();
    }

    /// <summary>Closes the event and lets go of its centroid (only the members remain).</summary>
    public void Close()
    {
        IsOpen = false;
        Content = [];
        Names = [];
    }

    /// <summary>Days between <paramref name="day"/> and this event's date range; 0 inside it or when either is undated.</summary>
    public double GapDays(double? day)
    {
        if (day is not { } d || FirstDay is not { } first || LastDay is not { } last) return 0;
        return d < first ? first - d : d > last ? d - last : 0;
    }

    /// <summary>Days between two events' date ranges; 0 when they overlap or either is undated.</summary>
    public double GapDays(EventState other)
    {
        if (FirstDay is not { } first || LastDay is not { } last || other.FirstDay is not { } of || other.LastDay is not { } ol) return 0;
        return of > last ? of - last : first > ol ? first - ol : 0;
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

    private double MergeSums(Dictionary<int, float> sums, Dictionary<int, float> other, Action<int, EventState>? newTerm)
    {
        foreach (var (id, w) in other)
        {
            ref float slot = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, id, out bool exists);
            slot += w;
            if (!exists) newTerm?.Invoke(id, this);
        }
        double norm = 0;
        foreach (var w in sums.Values) norm += (double)w * w;
        return norm;
    }
}
