"""Hand-written completions for the fixtures, keyed by HumanEval number.

Each entry is (expected verdict, completion text).  A completion continues the
prompt the way a model's output is cut by MultiPL-E's stop tokens: the body of
the function, without the function's closing brace (the tests begin with it).
make_fixtures.py turns these into completions-cpp.jsonl / completions-java.jsonl.
"""

CPP = {
    3: [
        ("AC", r"""
    long balance = 0;
    for (long op : operations) {
        balance += op;
        if (balance < 0) {
            return true;
        }
    }
    return false;
"""),
        # debug output on stderr and stdout does not change the verdict
        ("AC", r"""
    long balance = 0;
    for (size_t i = 0; i < operations.size(); i++) {
        balance += operations[i];
        std::cerr << "step " << i << " balance " << balance << "\n";
        if (balance < 0) return true;
    }
    std::cout << "final balance " << balance << std::endl;
    return false;
"""),
        ("WA", r"""
    for (long op : operations) {
        if (op < 0) {
            return true;
        }
    }
    return false;
"""),
    ],
    7: [
        ("AC", r"""
    std::vector<std::string> result;
    for (const std::string& s : strings) {
        if (s.find(substring) != std::string::npos) {
            result.push_back(s);
        }
    }
    return result;
"""),
        ("WA", r"""
    std::vector<std::string> result;
    for (const std::string& s : strings) {
        if (s.find(substring) == 0) {
            result.push_back(s);
        }
    }
    return result;
"""),
    ],
    11: [
        ("AC", r"""
    std::string out;
    for (size_t i = 0; i < a.size() && i < b.size(); i++) {
        out += (a[i] == b[i]) ? '0' : '1';
    }
    return out;
"""),
        ("WA", r"""
    std::string out;
    for (size_t i = 0; i < a.size(); i++) {
        out += (a[i] == '1' && b[i] == '1') ? '1' : '0';
    }
    return out;
"""),
    ],
    13: [
        ("AC", r"""
    while (b != 0) {
        long t = a % b;
        a = b;
        b = t;
    }
    return a;
"""),
        # forgets to advance b: loops for ever
        ("TLE", r"""
    while (b != 0) {
        long t = a % b;
        a = b;
        if (t == 0) continue;
    }
    return a;
"""),
    ],
    14: [
        ("AC", r"""
    std::vector<std::string> prefixes;
    for (size_t i = 1; i <= string.size(); i++) {
        prefixes.push_back(string.substr(0, i));
    }
    return prefixes;
"""),
        # reads one character past the end with .at(): std::out_of_range, uncaught
        ("RE", r"""
    std::vector<std::string> prefixes;
    std::string current;
    for (size_t i = 0; i <= string.size(); i++) {
        current += string.at(i);
        prefixes.push_back(current);
    }
    return prefixes;
"""),
    ],
    15: [
        ("AC", r"""
    std::string out = "0";
    for (long i = 1; i <= n; i++) {
        out += " " + std::to_string(i);
    }
    return out;
"""),
        ("WA", r"""
    std::string out;
    for (long i = 0; i < n; i++) {
        if (i > 0) out += " ";
        out += std::to_string(i);
    }
    return out;
"""),
    ],
    16: [
        ("AC", r"""
    std::set<char> seen;
    for (char c : string) {
        seen.insert((char)std::tolower((unsigned char)c));
    }
    return (long)seen.size();
"""),
        ("WA", r"""
    std::set<char> seen(string.begin(), string.end());
    return seen.size();
"""),
    ],
    18: [
        ("AC", r"""
    if (substring.empty()) return 0;
    long count = 0;
    for (size_t i = 0; i + substring.size() <= string.size(); i++) {
        if (string.compare(i, substring.size(), substring) == 0) {
            count++;
        }
    }
    return count;
"""),
        # counts non-overlapping occurrences only
        ("WA", r"""
    long count = 0;
    size_t pos = string.find(substring);
    while (!substring.empty() && pos != std::string::npos) {
        count++;
        pos = string.find(substring, pos + substring.size());
    }
    return count;
"""),
    ],
    23: [
        ("AC", r"""
    return string.size();
"""),
        ("CE", r"""
    return string.length;
"""),
    ],
    24: [
        ("AC", r"""
    for (long i = n - 1; i > 0; i--) {
        if (n % i == 0) {
            return i;
        }
    }
    return 1;
"""),
        # starts at 0: integer division by zero, SIGFPE
        ("RE", r"""
    long best = 1;
    for (long i = 0; i < n; i++) {
        if (n % i == 0) {
            best = i;
        }
    }
    return best;
"""),
    ],
    25: [
        ("AC", r"""
    std::vector<long> factors;
    for (long d = 2; d * d <= n; d++) {
        while (n % d == 0) {
            factors.push_back(d);
            n /= d;
        }
    }
    if (n > 1) factors.push_back(n);
    return factors;
"""),
        ("WA", r"""
    std::vector<long> factors;
    for (long d = 2; d <= n; d++) {
        if (n % d == 0) {
            factors.push_back(d);
            while (n % d == 0) n /= d;
        }
    }
    return factors;
"""),
    ],
    26: [
        ("AC", r"""
    std::map<long, int> counts;
    for (long x : numbers) counts[x]++;
    std::vector<long> result;
    for (long x : numbers) {
        if (counts[x] == 1) result.push_back(x);
    }
    return result;
"""),
        # keeps one copy of each number instead of dropping repeated ones
        ("WA", r"""
    std::vector<long> result;
    std::set<long> seen;
    for (long x : numbers) {
        if (seen.insert(x).second) result.push_back(x);
    }
    return result;
"""),
    ],
    27: [
        ("AC", r"""
    std::string out = string;
    for (char& c : out) {
        if (std::islower((unsigned char)c)) c = (char)std::toupper((unsigned char)c);
        else if (std::isupper((unsigned char)c)) c = (char)std::tolower((unsigned char)c);
    }
    return out;
"""),
        ("WA", r"""
    std::string out = string;
    for (char& c : out) {
        c = (char)std::toupper((unsigned char)c);
    }
    return out;
"""),
    ],
    29: [
        ("AC", r"""
    std::vector<std::string> result;
    for (const auto& s : strings) {
        if (s.compare(0, prefix.size(), prefix) == 0) result.push_back(s);
    }
    return result;
"""),
        # std::string::starts_with is C++20: does not compile with -std=c++17
        ("CE", r"""
    std::vector<std::string> result;
    for (const auto& s : strings) {
        if (s.starts_with(prefix)) result.push_back(s);
    }
    return result;
"""),
    ],
    30: [
        ("AC", r"""
    std::vector<long> result;
    std::copy_if(l.begin(), l.end(), std::back_inserter(result), [](long x) { return x > 0; });
    return result;
"""),
        ("WA", r"""
    std::vector<long> result;
    for (long x : l) {
        if (x >= 0) result.push_back(x);
    }
    return result;
"""),
    ],
    31: [
        ("AC", r"""
    if (n < 2) return false;
    for (long d = 2; d * d <= n; d++) {
        if (n % d == 0) return false;
    }
    return true;
"""),
        ("WA", r"""
    for (long d = 2; d * d <= n; d++) {
        if (n % d == 0) return false;
    }
    return true;
"""),
    ],
    34: [
        ("AC", r"""
    std::set<long> s(l.begin(), l.end());
    return std::vector<long>(s.begin(), s.end());
"""),
        ("WA", r"""
    std::sort(l.begin(), l.end());
    return l;
"""),
    ],
    35: [
        ("AC", r"""
    return *std::max_element(l.begin(), l.end());
"""),
        ("WA", r"""
    std::sort(l.begin(), l.end());
    return l[0];
"""),
    ],
    36: [
        ("AC", r"""
    long count = 0;
    for (long i = 0; i < n; i++) {
        if (i % 11 == 0 || i % 13 == 0) {
            for (char c : std::to_string(i)) {
                if (c == '7') count++;
            }
        }
    }
    return count;
"""),
        # counts numbers that contain a 7, not the 7s
        ("WA", r"""
    long count = 0;
    for (long i = 0; i < n; i++) {
        if ((i % 11 == 0 || i % 13 == 0) && std::to_string(i).find('7') != std::string::npos) {
            count++;
        }
    }
    return count;
"""),
    ],
    39: [
        ("AC", r"""
    auto prime = [](long x) {
        if (x < 2) return false;
        for (long d = 2; d * d <= x; d++) {
            if (x % d == 0) return false;
        }
        return true;
    };
    long a = 0, b = 1;
    while (true) {
        long c = a + b;
        a = b;
        b = c;
        if (prime(b)) {
            n--;
            if (n == 0) return b;
        }
    }
"""),
        # counts 1 as prime
        ("WA", r"""
    long a = 0, b = 1;
    while (true) {
        bool prime = true;
        for (long d = 2; d * d <= b; d++) {
            if (b % d == 0) { prime = false; break; }
        }
        if (prime && --n == 0) return b;
        long c = a + b;
        a = b;
        b = c;
    }
"""),
    ],
    40: [
        ("AC", r"""
    for (size_t i = 0; i < l.size(); i++) {
        for (size_t j = i + 1; j < l.size(); j++) {
            for (size_t k = j + 1; k < l.size(); k++) {
                if (l[i] + l[j] + l[k] == 0) return true;
            }
        }
    }
    return false;
"""),
        # lets the same element be used more than once
        ("WA", r"""
    for (long a : l) {
        for (long b : l) {
            for (long c : l) {
                if (a + b + c == 0) return true;
            }
        }
    }
    return false;
"""),
    ],
    43: [
        ("AC", r"""
    std::set<long> seen;
    for (long x : l) {
        if (seen.count(-x)) return true;
        seen.insert(x);
    }
    return false;
"""),
        ("WA", r"""
    std::set<long> values(l.begin(), l.end());
    for (long x : l) {
        if (values.count(-x)) return true;
    }
    return false;
"""),
    ],
    44: [
        ("AC", r"""
    if (x == 0) return "0";
    std::string digits;
    while (x > 0) {
        digits = std::to_string(x % base) + digits;
        x /= base;
    }
    return digits;
"""),
        # returns a number where a string is expected
        ("CE", r"""
    long result = 0, place = 1;
    while (x > 0) {
        result += (x % base) * place;
        place *= 10;
        x /= base;
    }
    return result;
"""),
        # never divides x: loops for ever
        ("TLE", r"""
    std::string digits;
    long rest = x;
    while (rest > 0) {
        digits.insert(digits.begin(), (char)('0' + rest % base));
        if (digits.size() > 64) digits.erase(0, 1);
    }
    return digits;
"""),
    ],
    46: [
        ("AC", r"""
    std::vector<long> f = {0, 0, 2, 0};
    for (long i = 4; i <= n; i++) {
        f.push_back(f[i - 1] + f[i - 2] + f[i - 3] + f[i - 4]);
    }
    return f[n];
"""),
        ("WA", r"""
    std::vector<long> f = {0, 1, 1, 2};
    for (long i = 4; i <= n; i++) {
        f.push_back(f[i - 1] + f[i - 2] + f[i - 3] + f[i - 4]);
    }
    return f[n];
"""),
    ],
    48: [
        ("AC", r"""
    return std::equal(text.begin(), text.end(), text.rbegin());
"""),
        # off by one: compares text[i] with text[n - i]
        ("WA", r"""
    size_t n = text.size();
    for (size_t i = 0; i < n / 2 + 1 && n > 0; i++) {
        if (text[i] != text[n - i]) return false;
    }
    return true;
"""),
    ],
    49: [
        ("AC", r"""
    long result = 1 % p;
    long base = 2 % p;
    while (n > 0) {
        if (n & 1) result = result * base % p;
        base = base * base % p;
        n >>= 1;
    }
    return result;
"""),
        # 2^n overflows 64 bits before the modulo
        ("WA", r"""
    unsigned long power = 1;
    for (long i = 0; i < n; i++) {
        power *= 2;
    }
    return (long)(power % (unsigned long)p);
"""),
    ],
    52: [
        ("AC", r"""
    for (long x : l) {
        if (x >= t) return false;
    }
    return true;
"""),
        ("WA", r"""
    for (long x : l) {
        if (x > t) return false;
    }
    return true;
"""),
    ],
    55: [
        ("AC", r"""
    long a = 0, b = 1;
    for (long i = 0; i < n; i++) {
        long c = a + b;
        a = b;
        b = c;
    }
    return a;
"""),
        # no base case for 0: recursion never ends, the stack overflows (SIGSEGV)
        ("RE", r"""
    if (n == 1) return 1;
    return fib(n - 1) + fib(n - 2);
"""),
    ],
    56: [
        ("AC", r"""
    long depth = 0;
    for (char c : brackets) {
        if (c == '<') depth++;
        else if (c == '>') depth--;
        if (depth < 0) return false;
    }
    return depth == 0;
"""),
        # only compares the counts
        ("WA", r"""
    return std::count(brackets.begin(), brackets.end(), '<') ==
           std::count(brackets.begin(), brackets.end(), '>');
"""),
    ],
    61: [
        ("AC", r"""
    std::vector<char> stack;
    for (char c : brackets) {
        if (c == '(') {
            stack.push_back(c);
        } else {
            if (stack.empty()) return false;
            stack.pop_back();
        }
    }
    return stack.empty();
"""),
        # never checks that everything was closed
        ("WA", r"""
    long depth = 0;
    for (char c : brackets) {
        depth += (c == '(') ? 1 : -1;
        if (depth < 0) return false;
    }
    return true;
"""),
    ],
}

JAVA = {
    3: [
        ("AC", r"""
        long balance = 0;
        for (long op : operations) {
            balance += op;
            if (balance < 0) {
                return true;
            }
        }
        return false;
"""),
        # debug output on stderr and stdout does not change the verdict
        ("AC", r"""
        long balance = 0;
        for (int i = 0; i < operations.size(); i++) {
            balance += operations.get(i);
            System.err.println("step " + i + " balance " + balance);
            if (balance < 0) return true;
        }
        System.out.println("final balance " + balance);
        return false;
"""),
        ("WA", r"""
        for (Long op : operations) {
            if (op < 0) {
                return true;
            }
        }
        return false;
"""),
    ],
    7: [
        ("AC", r"""
        ArrayList<String> result = new ArrayList<>();
        for (String s : strings) {
            if (s.contains(substring)) {
                result.add(s);
            }
        }
        return result;
"""),
        ("WA", r"""
        ArrayList<String> result = new ArrayList<>();
        for (String s : strings) {
            if (s.startsWith(substring)) {
                result.add(s);
            }
        }
        return result;
"""),
    ],
    11: [
        ("AC", r"""
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < a.length() && i < b.length(); i++) {
            out.append(a.charAt(i) == b.charAt(i) ? '0' : '1');
        }
        return out.toString();
"""),
        # compares a char with a String: incomparable types
        ("CE", r"""
        String out = "";
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) == b.substring(i, i + 1)) {
                out += "0";
            } else {
                out += "1";
            }
        }
        return out;
"""),
    ],
    13: [
        ("AC", r"""
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
"""),
        # forgets to advance b: loops for ever
        ("TLE", r"""
        while (b != 0) {
            long t = a % b;
            a = b;
            if (t == 0) continue;
        }
        return a;
"""),
    ],
    14: [
        ("AC", r"""
        ArrayList<String> prefixes = new ArrayList<>();
        for (int i = 1; i <= string.length(); i++) {
            prefixes.add(string.substring(0, i));
        }
        return prefixes;
"""),
        # substring past the end: StringIndexOutOfBoundsException
        ("RE", r"""
        ArrayList<String> prefixes = new ArrayList<>();
        for (int i = 0; i <= string.length(); i++) {
            prefixes.add(string.substring(0, i + 1));
        }
        return prefixes;
"""),
    ],
    15: [
        ("AC", r"""
        return LongStream.rangeClosed(0, n).mapToObj(Long::toString).collect(Collectors.joining(" "));
"""),
        ("WA", r"""
        StringBuilder sb = new StringBuilder();
        for (long i = 0; i < n; i++) {
            if (i > 0) sb.append(' ');
            sb.append(i);
        }
        return sb.toString();
"""),
    ],
    16: [
        ("AC", r"""
        return (long) string.toLowerCase().chars().distinct().count();
"""),
        ("WA", r"""
        HashSet<Character> seen = new HashSet<>();
        for (char c : string.toCharArray()) {
            seen.add(c);
        }
        return seen.size();
"""),
    ],
    18: [
        ("AC", r"""
        if (substring.isEmpty()) return 0;
        long count = 0;
        for (int i = 0; i + substring.length() <= string.length(); i++) {
            if (string.startsWith(substring, i)) {
                count++;
            }
        }
        return count;
"""),
        # counts non-overlapping occurrences only
        ("WA", r"""
        if (substring.isEmpty()) return 0;
        return (string.length() - string.replace(substring, "").length()) / substring.length();
"""),
    ],
    23: [
        ("AC", r"""
        return string.length();
"""),
        ("CE", r"""
        return string.length;
"""),
    ],
    24: [
        ("AC", r"""
        for (long i = n - 1; i > 0; i--) {
            if (n % i == 0) {
                return i;
            }
        }
        return 1;
"""),
        # starts at 0: ArithmeticException, / by zero
        ("RE", r"""
        long best = 1;
        for (long i = 0; i < n; i++) {
            if (n % i == 0) {
                best = i;
            }
        }
        return best;
"""),
    ],
    25: [
        ("AC", r"""
        ArrayList<Long> factors = new ArrayList<>();
        for (long d = 2; d * d <= n; d++) {
            while (n % d == 0) {
                factors.add(d);
                n /= d;
            }
        }
        if (n > 1) factors.add(n);
        return factors;
"""),
        ("WA", r"""
        ArrayList<Long> factors = new ArrayList<>();
        for (long d = 2; d <= n; d++) {
            if (n % d == 0) {
                factors.add(d);
                while (n % d == 0) n /= d;
            }
        }
        return factors;
"""),
    ],
    26: [
        ("AC", r"""
        HashMap<Long, Integer> counts = new HashMap<>();
        for (Long x : numbers) counts.merge(x, 1, Integer::sum);
        ArrayList<Long> result = new ArrayList<>();
        for (Long x : numbers) {
            if (counts.get(x) == 1) result.add(x);
        }
        return result;
"""),
        # keeps one copy of each number instead of dropping repeated ones
        ("WA", r"""
        return new ArrayList<Long>(new LinkedHashSet<Long>(numbers));
"""),
    ],
    27: [
        ("AC", r"""
        StringBuilder sb = new StringBuilder();
        for (char c : string.toCharArray()) {
            if (Character.isUpperCase(c)) sb.append(Character.toLowerCase(c));
            else if (Character.isLowerCase(c)) sb.append(Character.toUpperCase(c));
            else sb.append(c);
        }
        return sb.toString();
"""),
        ("WA", r"""
        return string.toUpperCase();
"""),
    ],
    29: [
        ("AC", r"""
        return strings.stream().filter(s -> s.startsWith(prefix)).collect(Collectors.toCollection(ArrayList::new));
"""),
        ("WA", r"""
        ArrayList<String> result = new ArrayList<>();
        for (String s : strings) {
            if (s.contains(prefix)) result.add(s);
        }
        result.removeIf(s -> s.endsWith("AAA"));
        return result;
"""),
    ],
    30: [
        ("AC", r"""
        ArrayList<Long> result = new ArrayList<>();
        for (Long x : l) {
            if (x > 0) result.add(x);
        }
        return result;
"""),
        # a Long does not unbox into an int: incompatible types
        ("CE", r"""
        ArrayList<Long> result = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            int x = l.get(i);
            if (x > 0) result.add((long) x);
        }
        return result;
"""),
    ],
    31: [
        ("AC", r"""
        if (n < 2) return false;
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) return false;
        }
        return true;
"""),
        ("WA", r"""
        for (long d = 2; d * d <= n; d++) {
            if (n % d == 0) return false;
        }
        return true;
"""),
    ],
    34: [
        ("AC", r"""
        return new ArrayList<Long>(new TreeSet<Long>(l));
"""),
        ("WA", r"""
        ArrayList<Long> copy = new ArrayList<>(l);
        Collections.sort(copy);
        return copy;
"""),
    ],
    35: [
        ("AC", r"""
        return Collections.max(l);
"""),
        # reads one past the end: IndexOutOfBoundsException
        ("RE", r"""
        long best = l.get(0);
        for (int i = 1; i <= l.size(); i++) {
            best = Math.max(best, l.get(i));
        }
        return best;
"""),
    ],
    36: [
        ("AC", r"""
        long count = 0;
        for (long i = 0; i < n; i++) {
            if (i % 11 == 0 || i % 13 == 0) {
                for (char c : Long.toString(i).toCharArray()) {
                    if (c == '7') count++;
                }
            }
        }
        return count;
"""),
        # counts numbers that contain a 7, not the 7s
        ("WA", r"""
        long count = 0;
        for (long i = 0; i < n; i++) {
            if ((i % 11 == 0 || i % 13 == 0) && Long.toString(i).contains("7")) {
                count++;
            }
        }
        return count;
"""),
    ],
    39: [
        ("AC", r"""
        long a = 0, b = 1;
        while (true) {
            long c = a + b;
            a = b;
            b = c;
            boolean prime = b >= 2;
            for (long d = 2; d * d <= b && prime; d++) {
                if (b % d == 0) prime = false;
            }
            if (prime && --n == 0) return b;
        }
"""),
        # counts 1 as prime
        ("WA", r"""
        long a = 0, b = 1;
        while (true) {
            boolean prime = true;
            for (long d = 2; d * d <= b; d++) {
                if (b % d == 0) { prime = false; break; }
            }
            if (prime && --n == 0) return b;
            long c = a + b;
            a = b;
            b = c;
        }
"""),
    ],
    40: [
        ("AC", r"""
        for (int i = 0; i < l.size(); i++) {
            for (int j = i + 1; j < l.size(); j++) {
                for (int k = j + 1; k < l.size(); k++) {
                    if (l.get(i) + l.get(j) + l.get(k) == 0) return true;
                }
            }
        }
        return false;
"""),
        # lets the same element be used more than once
        ("WA", r"""
        for (long a : l) {
            for (long b : l) {
                for (long c : l) {
                    if (a + b + c == 0) return true;
                }
            }
        }
        return false;
"""),
    ],
    43: [
        ("AC", r"""
        HashSet<Long> seen = new HashSet<>();
        for (long x : l) {
            if (seen.contains(-x)) return true;
            seen.add(x);
        }
        return false;
"""),
        ("WA", r"""
        HashSet<Long> values = new HashSet<>(l);
        for (long x : l) {
            if (values.contains(-x)) return true;
        }
        return false;
"""),
    ],
    44: [
        ("AC", r"""
        return Long.toString(x, (int) base);
"""),
        # never divides x: loops for ever
        ("TLE", r"""
        StringBuilder digits = new StringBuilder();
        long rest = x;
        while (rest > 0) {
            digits.insert(0, rest % base);
            if (digits.length() > 64) digits.setLength(64);
        }
        return digits.toString();
"""),
    ],
    46: [
        ("AC", r"""
        long[] f = new long[Math.max(4, (int) n + 1)];
        f[2] = 2;
        for (int i = 4; i <= n; i++) {
            f[i] = f[i - 1] + f[i - 2] + f[i - 3] + f[i - 4];
        }
        return f[(int) n];
"""),
        # the only return is inside the loop: missing return statement
        ("CE", r"""
        long a = 0, b = 0, c = 2, d = 0;
        for (long i = 0; ; i++) {
            if (i == n) return a;
            long e = a + b + c + d;
            a = b; b = c; c = d; d = e;
            if (i > 1000) break;
        }
"""),
    ],
    48: [
        ("AC", r"""
        return new StringBuilder(text).reverse().toString().equals(text);
"""),
        ("WA", r"""
        int n = text.length();
        for (int i = 1; i < n / 2; i++) {
            if (text.charAt(i) != text.charAt(n - 1 - i)) return false;
        }
        return true;
"""),
    ],
    49: [
        ("AC", r"""
        return BigInteger.TWO.modPow(BigInteger.valueOf(n), BigInteger.valueOf(p)).longValue();
"""),
        # 2^n in a double, then cast: saturates at Long.MAX_VALUE
        ("WA", r"""
        return ((long) Math.pow(2, n)) % p;
"""),
    ],
    52: [
        ("AC", r"""
        return l.stream().allMatch(x -> x < t);
"""),
        ("WA", r"""
        for (long x : l) {
            if (x > t) return false;
        }
        return true;
"""),
    ],
    55: [
        ("AC", r"""
        long a = 0, b = 1;
        for (long i = 0; i < n; i++) {
            long c = a + b;
            a = b;
            b = c;
        }
        return a;
"""),
        # no base case for 0: StackOverflowError
        ("RE", r"""
        if (n == 1) return 1;
        return fib(n - 1) + fib(n - 2);
"""),
    ],
    56: [
        ("AC", r"""
        int depth = 0;
        for (char c : brackets.toCharArray()) {
            depth += c == '<' ? 1 : -1;
            if (depth < 0) return false;
        }
        return depth == 0;
"""),
        # only compares the counts
        ("WA", r"""
        long open = brackets.chars().filter(c -> c == '<').count();
        return open * 2 == brackets.length();
"""),
    ],
    61: [
        ("AC", r"""
        Deque<Character> stack = new ArrayDeque<>();
        for (char c : brackets.toCharArray()) {
            if (c == '(') {
                stack.push(c);
            } else {
                if (stack.isEmpty()) return false;
                stack.pop();
            }
        }
        return stack.isEmpty();
"""),
        # never checks that everything was closed
        ("WA", r"""
        int depth = 0;
        for (char c : brackets.toCharArray()) {
            depth += c == '(' ? 1 : -1;
            if (depth < 0) return false;
        }
        return true;
"""),
    ],
}
