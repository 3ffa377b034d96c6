package org.ctoforum.architecture;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL and JPQL statements in a feature's source that name another feature's table or entity, or spell an
 * enum value as a literal. A statement is the text given to {@code createNativeQuery}, {@code createQuery} or a
 * named query: its string literals, and those of the variables it is built from (a StringBuilder's appends too).
 */
final class SqlOwnershipScan {

    private static final Set<String> QUERY_METHODS = Set.of("createNativeQuery", "createQuery", "createNamedQuery");
    private static final Set<String> QUERY_ANNOTATIONS = Set.of("NamedQuery", "NamedNativeQuery");
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*");
    /** An upper-case string literal such as 'VISIBLE': an enum value that should be a bound parameter. */
    private static final Pattern ENUM_LITERAL = Pattern.compile("'[A-Z][A-Z_]+'");

    record Violation(String feature, String file, int line, String problem) {
        @Override
        public String toString() {
            return file + ":" + line + " (" + feature + "): " + problem;
        }
    }

    private final Map<String, String> tableOwners;
    private final Map<String, String> entityOwners;
    private final JavaParser parser =
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));

    /** Table name to feature, and entity class name to feature. */
    SqlOwnershipScan(Map<String, String> tableOwners, Map<String, String> entityOwners) {
        this.tableOwners = tableOwners;
        this.entityOwners = entityOwners;
    }

    List<Violation> scan(String feature, String file, String source) {
        ParseResult<CompilationUnit> parsed = parser.parse(source);
        CompilationUnit unit = parsed.getResult()
                .filter(result -> parsed.isSuccessful())
                .orElseThrow(() -> new IllegalArgumentException(file + " does not parse: " + parsed.getProblems()));
        List<Violation> violations = new ArrayList<>();
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            if (QUERY_METHODS.contains(call.getNameAsString())
                    && call.getArguments().isNonEmpty()) {
                check(feature, file, call, statementText(call.getArgument(0)), violations);
            }
        }
        for (AnnotationExpr annotation : unit.findAll(AnnotationExpr.class)) {
            if (QUERY_ANNOTATIONS.contains(annotation.getNameAsString())) {
                check(feature, file, annotation, literals(annotation), violations);
            }
        }
        return violations;
    }

    private void check(String feature, String file, Node at, String statement, List<Violation> violations) {
        int line = at.getBegin().map(position -> position.line).orElse(0);
        Set<String> named = new LinkedHashSet<>();
        Matcher word = WORD.matcher(statement);
        while (word.find()) {
            String token = word.group();
            String owner = tableOwners.getOrDefault(token, entityOwners.get(token));
            if (owner != null && !owner.equals(feature)) {
                named.add(token + " (" + owner + "'s)");
            }
        }
        named.forEach(name -> violations.add(new Violation(feature, file, line, "names " + name)));
        Matcher literal = ENUM_LITERAL.matcher(statement);
        while (literal.find()) {
            violations.add(new Violation(feature, file, line, "spells the value " + literal.group() + "; bind it"));
        }
    }

    /** The literals of an expression, and of the variables and fields it names, as they are built in the method. */
    private static String statementText(Expression expression) {
        StringBuilder text = new StringBuilder(literals(expression));
        Node scope = expression
                .findAncestor(com.github.javaparser.ast.body.CallableDeclaration.class)
                .map(Node.class::cast)
                .orElseGet(() -> expression.findRootNode());
        for (NameExpr name : expression.findAll(NameExpr.class)) {
            String variable = name.getNameAsString();
            for (VariableDeclarator declarator : scope.findAll(VariableDeclarator.class)) {
                if (declarator.getNameAsString().equals(variable)) {
                    declarator.getInitializer().ifPresent(value -> text.append(' ')
                            .append(literals(value)));
                }
            }
            for (FieldDeclaration field : expression.findRootNode().findAll(FieldDeclaration.class)) {
                field.getVariables().stream()
                        .filter(declarator -> declarator.getNameAsString().equals(variable))
                        .forEach(declarator -> declarator.getInitializer().ifPresent(value -> text.append(' ')
                                .append(literals(value))));
            }
            for (MethodCallExpr append : scope.findAll(MethodCallExpr.class)) {
                boolean onVariable = append.getScope()
                        .filter(target -> target.isNameExpr()
                                && target.asNameExpr().getNameAsString().equals(variable))
                        .isPresent();
                if (onVariable && append.getNameAsString().equals("append")) {
                    append.getArguments().forEach(argument -> text.append(' ').append(literals(argument)));
                }
            }
        }
        return text.toString();
    }

    private static String literals(Node node) {
        StringBuilder text = new StringBuilder();
        if (node instanceof StringLiteralExpr literal) {
            text.append(literal.asString());
        }
        if (node instanceof TextBlockLiteralExpr block) {
            text.append(block.asString());
        }
        node.findAll(StringLiteralExpr.class).stream()
                .filter(literal -> literal != node)
                .forEach(literal -> text.append(literal.asString()));
        node.findAll(TextBlockLiteralExpr.class).stream()
                .filter(block -> block != node)
                .forEach(block -> text.append(' ').append(block.asString()));
        return text.toString();
    }
}
