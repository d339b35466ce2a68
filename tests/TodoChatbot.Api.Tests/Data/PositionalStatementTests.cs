using TodoChatbot.Api.Data;

namespace TodoChatbot.Api.Tests.Data;

/// <summary>Hand-written SQL's @name parameters as PostgreSQL's positional $n (the statements run against a real server in the task and chat tests).</summary>
public sealed class PositionalStatementTests
{
    [Fact]
    public void Names_become_positions_in_order_of_first_use_and_a_repeated_name_keeps_its_position()
    {
        var statement = PositionalStatement.For("SELECT @title, @now, @now FROM t WHERE user_id = @user_id AND x = @title")!;

        Assert.Equal("SELECT $1, $2, $2 FROM t WHERE user_id = $3 AND x = $1", statement.Sql);
        Assert.Equal(["title", "now", "user_id"], statement.Names);
        Assert.Equal(["T", 5, "u"], statement.ValuesFrom([("user_id", "u"), ("now", 5), ("title", "T")]));
    }

    [Fact]
    public void Operators_and_addresses_with_an_at_sign_are_left_alone()
    {
        var statement = PositionalStatement.For("SELECT tags @> @wanted, 'a@b.example', d @@ q FROM t WHERE id = @id")!;

        Assert.Equal("SELECT tags @> $1, 'a@b.example', d @@ q FROM t WHERE id = $2", statement.Sql);
    }

    [Fact]
    public void Text_with_several_statements_stays_named_and_one_ending_in_a_semicolon_does_not()
    {
        Assert.Null(PositionalStatement.For("UPDATE a SET x = @x; INSERT INTO b VALUES (@x)"));
        Assert.NotNull(PositionalStatement.For("UPDATE a SET x = @x;\n"));
    }

    [Fact]
    public void A_name_without_a_value_is_refused_with_its_name()
    {
        var statement = PositionalStatement.For("SELECT @missing_value")!;

        var error = Assert.Throws<ArgumentException>(() => statement.ValuesFrom([("other", 1)]));
        Assert.Contains("@missing_value", error.Message, StringComparison.Ordinal);
    }
}
