namespace Precis.Clustering;

/// <summary>
/// The <c>capacity</c> strongest of the items offered, by a total order: a heap with the weakest kept on top,
/// so offering n items costs O(n log k) instead of sorting all n. Drained strongest first, it gives the same
/// items in the same order as sorting everything by the order and taking the first k (the order is total,
/// so ties cannot depend on the heap's internals). Used for each article's strongest links
/// (<see cref="ScaledLinkage"/>) and each arrival's strongest candidate events (<see cref="OnlineClusterer"/>).
/// </summary>
internal sealed class StrongestKept<T>(int capacity, Comparison<T> strongestFirst)
{
    private readonly PriorityQueue<T, T> _heap = new(Comparer<T>.Create((x, y) => strongestFirst(y, x)));

    public int Count => _heap.Count;

    /// <summary>Keeps <paramref name="item"/> if it is among the strongest offered since the last drain.</summary>
    public void Offer(T item)
    {
        if (_heap.Count < capacity) _heap.Enqueue(item, item);
        else if (capacity > 0 && strongestFirst(item, _heap.Peek()) < 0) _heap.EnqueueDequeue(item, item);
    }

    /// <summary>Appends the kept items to <paramref name="into"/>, strongest first, and empties the heap.</summary>
    public void DrainStrongestFirst(List<T> into)
    {
        int from = into.Count;
        while (_heap.TryDequeue(out var item, out _)) into.Add(item);
        into.Reverse(from, into.Count - from);
    }
}
