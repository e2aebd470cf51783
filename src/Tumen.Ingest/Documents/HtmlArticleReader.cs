using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Tumen.Ingest.Documents;

/// <summary>
/// The article text of an HTML page: the largest <c>article</c> (or <c>main</c>, or the body),
/// without scripts, navigation, headers, footers, asides, forms, and link-dense blocks such as menus
/// and "related stories". All walks are iterative, so deep nesting cannot overflow the stack.
/// </summary>
internal static class HtmlArticleReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe",
        "svg", "button", "select", "object", "embed", "canvas", "menu", "dialog",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table",
        "tr", "blockquote", "pre", "figure", "figcaption", "dd", "dt", "dl", "address", "hr", "br", "td", "th",
    };

    private static readonly string[] BoilerplateMarks =
    [
        "nav", "menu", "footer", "header", "sidebar", "share", "social", "related", "comment", "cookie", "banner",
        "advert", "promo", "subscribe", "newsletter", "breadcrumb", "popup", "modal", "masthead", "toolbar",
    ];

    private static readonly HashSet<string> BoilerplateRoles = new(StringComparer.OrdinalIgnoreCase)
    {
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
    };

    public static string ToText(string html, string fileName, ReaderLimits limits, out string? title)
    {
        var depth = MaxTagDepth(html);
        if (depth > limits.MaxHtmlDepth)
        {
            throw new DocumentReadException(string.Create(
                CultureInfo.InvariantCulture,
                $"{fileName} nests HTML elements more than {limits.MaxHtmlDepth} deep; it is not an article page."));
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        title = Meta(document, "og:title") ?? NonEmpty(document.Title) ?? NonEmpty(document.QuerySelector("h1")?.TextContent);

        var body = (IElement?)document.Body ?? document.DocumentElement;
        RemoveBoilerplate(body);
        var root = Largest(body.QuerySelectorAll("article"))
            ?? body.QuerySelector("main, [role=main]")
            ?? body;
        RemoveLinkDenseBlocks(root);
        return Render(root);
    }

    /// <summary>An upper bound on element depth, computed without building a tree.</summary>
    private static int MaxTagDepth(string html)
    {
        int depth = 0, max = 0;
        for (var i = 0; i < html.Length - 1; i++)
        {
            if (html[i] != '<')
            {
                continue;
            }

            var next = html[i + 1];
            if (next == '/')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (char.IsAsciiLetter(next) && !IsVoid(html, i + 1))
            {
                max = Math.Max(max, ++depth);
            }
        }

        return max;
    }

    private static bool IsVoid(string html, int start)
    {
        var end = start;
        while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
        {
            end++;
        }

        var name = html.AsSpan(start, end - start);
        string[] voids = ["br", "img", "hr", "meta", "link", "input", "wbr", "source", "area", "base", "col", "embed", "track", "param", "p", "li", "td", "tr", "th", "option"];
        foreach (var v in voids)
        {
            if (name.Equals(v, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Meta(IDocument document, string property) =>
        NonEmpty(document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content"));

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IElement? Largest(IEnumerable<IElement> elements) =>
        elements.OrderByDescending(e => e.TextContent.Length).FirstOrDefault();

    private static void RemoveBoilerplate(IElement root)
    {
        var doomed = new List<IElement>();
        foreach (var element in Descendants(root))
        {
            if (Dropped.Contains(element.LocalName)
                || (element.GetAttribute("role") is { } role && BoilerplateRoles.Contains(role))
                || element.HasAttribute("hidden")
                || LooksLikeBoilerplate(element.ClassName) || LooksLikeBoilerplate(element.Id))
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static bool LooksLikeBoilerplate(string? marks)
    {
        if (string.IsNullOrEmpty(marks))
        {
            return false;
        }

        foreach (var token in marks.Split([' ', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var mark in BoilerplateMarks)
            {
                if (token.Equals(mark, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void RemoveLinkDenseBlocks(IElement root)
    {
        var doomed = new List<IElement>();
        foreach (var element in Descendants(root))
        {
            if (element.LocalName is not ("ul" or "ol" or "div" or "table" or "section"))
            {
                continue;
            }

            var text = element.TextContent.Trim().Length;
            if (text == 0)
            {
                continue;
            }

            var links = element.QuerySelectorAll("a").Sum(a => a.TextContent.Trim().Length);
            if (links * 10 > text * 6)
            {
                doomed.Add(element);
            }
        }

        foreach (var element in doomed)
        {
            element.Remove();
        }
    }

    private static IEnumerable<IElement> Descendants(IElement root)
    {
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            yield return element;
            for (var i = element.Children.Length - 1; i >= 0; i--)
            {
                stack.Push(element.Children[i]);
            }
        }
    }

    private static string Render(IElement root)
    {
        var sb = new StringBuilder();
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, closing) = stack.Pop();
            if (node is IText text)
            {
                AppendCollapsed(sb, text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue;
            }

            var block = Blocks.Contains(element.LocalName);
            if (block)
            {
                EndLine(sb);
            }

            if (closing)
            {
                continue;
            }

            stack.Push((element, true));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((element.ChildNodes[i], false));
            }
        }

        return sb.ToString();
    }

    private static void AppendCollapsed(StringBuilder sb, string data)
    {
        foreach (var c in data)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] is not (' ' or '\n'))
                {
                    sb.Append(' ');
                }
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void EndLine(StringBuilder sb)
    {
        while (sb.Length > 0 && sb[^1] == ' ')
        {
            sb.Length--;
        }

        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append("\n\n");
        }
    }
}
