using System.Text;
using Precis.Input;
using Precis.Model;
using Precis.Pipeline;

namespace Precis.Tests.Input;

/// <summary>Bad input gets a clear reason and loses nothing; one bad file never stops a batch.</summary>
public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("precis-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static readonly string Story =
        "Officials met in the capital on Friday to discuss the new trade agreement between the two countries.\n\n" +
        "The talks lasted for more than six hours and ended without a final statement from either side.\n";

    [Fact]
    public void Empty_file_is_rejected_as_empty()
    {
        var batch = new InputReader().Read([Write("empty.txt", [])]);
        batch.Articles.Should().BeEmpty();
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("empty");
    }

    [Fact]
    public void Whitespace_only_file_is_rejected_as_empty()
    {
        var batch = new InputReader().Read([Write("blank.txt", "  \n\n\t \n"u8.ToArray())]);
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("empty");
    }

    [Fact]
    public void Binary_file_is_rejected_as_binary()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var batch = new InputReader().Read([Write("image.txt", bytes)]);
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("binary");
    }

    [Fact]
    public void Latin1_text_is_rejected_as_invalid_utf8()
    {
        // "café" and friends in ISO-8859-1: every accented letter is an invalid UTF-8 byte.
        var bytes = Encoding.Latin1.GetBytes(string.Concat(Enumerable.Repeat("Le café était fermé à Genève été après. ", 20)));
        var batch = new InputReader().Read([Write("latin1.txt", bytes)]);
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("invalid UTF-8");
    }

    [Fact]
    public void A_single_stray_byte_is_repaired_not_rejected()
    {
        var bytes = Encoding.UTF8.GetBytes(Story + Story + Story).Concat(new byte[] { 0xE2, 0x80 }).ToArray();
        var batch = new InputReader().Read([Write("truncated.txt", bytes)]);
        batch.Rejections.Should().BeEmpty();
        batch.Articles.Single().Text.Should().EndWith("\uFFFD");
    }

    [Fact]
    public void Utf8_bom_is_stripped_so_offsets_start_at_the_text()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Story)).ToArray();
        var batch = new InputReader().Read([Write("bom.txt", bytes)]);
        batch.Articles.Single().Text.Should().StartWith("Officials");
    }

    [Fact]
    public void Missing_path_is_rejected_as_unreadable()
    {
        var batch = new InputReader().Read([Path.Combine(_dir, "nope.txt")]);
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("unreadable");
    }

    [Fact]
    public void Path_below_a_file_is_rejected_as_unreadable()
    {
        string file = Write("story.txt", Encoding.UTF8.GetBytes(Story));
        var batch = new InputReader().Read([Path.Combine(file, "inner.txt")]);
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("unreadable");
    }

    [Fact]
    public void Fifty_megabyte_file_is_rejected_with_its_size_without_being_read()
    {
        string path = Path.Combine(_dir, "huge.txt");
        using (var f = File.Create(path))
        {
            var line = Encoding.UTF8.GetBytes(Story);
            while (f.Length < 50L * 1024 * 1024) f.Write(line);
        }
        long before = GC.GetAllocatedBytesForCurrentThread(); // this thread only: other tests run in parallel
        var batch = new InputReader().Read([path]);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("too large").And.Contain("bytes");
        allocated.Should().BeLessThan(1024 * 1024, "the size check must not load the file");
    }

    [Fact]
    public void Oversized_jsonl_line_is_rejected_and_the_next_line_still_read()
    {
        string big = "{\"id\":\"big\",\"text\":\"" + new string('a', 3000) + "\"}";
        string ok = "{\"id\":\"ok\",\"text\":\"" + Story.Replace("\n", "\\n") + "\"}";
        string path = Write("mixed.jsonl", Encoding.UTF8.GetBytes(big + "\n" + ok + "\n"));
        var batch = new InputReader(new InputOptions { MaxJsonLineBytes = 1000 }).Read([path]);
        batch.Articles.Select(a => a.Id).Should().Equal("ok");
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("too large");
    }

    [Fact]
    public void Malformed_jsonl_lines_are_rejected_one_by_one()
    {
        string ok = "{\"id\":\"ok\",\"title\":\"T\",\"date\":\"2016-09-09\",\"source\":\"S\",\"text\":\"" + Story.Replace("\n", "\\n") + "\"}";
        string path = Write("bad.jsonl", Encoding.UTF8.GetBytes("{not json\n" + ok + "\n[1,2]\n{\"id\":\"notext\"}\n"));
        var batch = new InputReader().Read([path]);
        var article = batch.Articles.Should().ContainSingle().Subject;
        article.Title.Should().Be("T");
        article.Date.Should().Be(new DateOnly(2016, 9, 9));
        batch.Rejections.Select(r => r.Reason).Should().SatisfyRespectively(
            r => r.Should().StartWith("malformed JSON"),
            r => r.Should().StartWith("malformed record"),
            r => r.Should().StartWith("malformed record").And.Contain("text"));
    }

    [Fact]
    public void Unsupported_file_type_is_rejected_and_hidden_files_skipped()
    {
        Write("page.pdf", "%PDF-1.4"u8.ToArray());
        Write(".DS_Store", [1, 2, 3]);
        Write("story.txt", Encoding.UTF8.GetBytes(Story));
        var batch = new InputReader().Read([_dir]);
        batch.Articles.Select(a => a.Id).Should().Equal("story");
        batch.Rejections.Should().ContainSingle().Which.Reason.Should().StartWith("unsupported file type");
    }

    [Fact]
    public void Repeated_ids_are_made_unique()
    {
        string line = "{\"id\":\"a\",\"text\":\"" + Story.Replace("\n", "\\n") + "\"}\n";
        var batch = new InputReader().Read([Write("dup.jsonl", Encoding.UTF8.GetBytes(line + line))]);
        batch.Articles.Select(a => a.Id).Should().Equal("a", "a~2");
    }

    [Fact]
    public void One_bad_file_never_stops_a_batch_and_every_input_is_reported()
    {
        Write("good.txt", Encoding.UTF8.GetBytes(Story));
        Write("empty.txt", []);
        Write("binary.txt", [0, 1, 2, 0, 5]);
        Write("arabic.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("إقرأ هذا الخبر بالعربية في الصفحة الأولى اليوم. ", 20))));
        Write("french.txt", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("Les ministres ont discuté du nouvel accord commercial entre les deux pays pendant six heures. ", 5))));
        var digest = PrecisPipeline.Default.DigestPaths([_dir]);
        digest.Articles.Select(a => (a.Id, a.Status)).Should().BeEquivalentTo(new[]
        {
            ("good", ArticleStatus.Kept), ("empty", ArticleStatus.Rejected), ("binary", ArticleStatus.Rejected),
            ("arabic", ArticleStatus.Rejected), ("french", ArticleStatus.Rejected),
        });
        digest.Articles.Single(a => a.Id == "arabic").Reason.Should().StartWith("not English").And.Contain("Arabic");
        digest.Articles.Single(a => a.Id == "french").Reason.Should().StartWith("not English");
        digest.Events.Should().ContainSingle().Which.Articles.Should().Equal("good");
    }
}
