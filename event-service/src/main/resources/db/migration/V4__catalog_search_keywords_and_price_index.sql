-- Korean <-> English search terms. Each pair is stored in both directions, so that expanding a query term
-- is one primary-key lookup whichever language it is in. Terms are lower case, as the table requires, and
-- multi-word terms are single-spaced, as queries are normalised.
INSERT INTO search_keywords (term, synonym)
SELECT term, synonym
FROM (VALUES
        -- artists
        ('아이유', 'iu'),
        ('방탄소년단', 'bts'),
        ('방탄', 'bts'),
        ('뉴진스', 'newjeans'),
        ('세븐틴', 'seventeen'),
        ('임영웅', 'lim young-woong'),
        ('블랙핑크', 'blackpink'),
        ('아이브', 'ive'),
        ('르세라핌', 'le sserafim'),
        ('에스파', 'aespa'),
        ('트와이스', 'twice'),
        ('스트레이 키즈', 'stray kids'),
        ('성시경', 'sung si-kyung'),
        ('조성진', 'seong-jin cho'),
        -- categories
        ('콘서트', 'concert'),
        ('공연', 'concert'),
        ('뮤지컬', 'musical'),
        ('연극', 'theater'),
        ('연극', 'play'),
        ('클래식', 'classic'),
        ('클래식', 'classical'),
        ('오케스트라', 'orchestra'),
        ('스포츠', 'sports'),
        ('야구', 'baseball'),
        ('축구', 'football'),
        ('축구', 'soccer'),
        ('전시', 'exhibition'),
        ('가족', 'family'),
        ('팬미팅', 'fan meeting'),
        ('페스티벌', 'festival'),
        -- places
        ('서울', 'seoul'),
        ('부산', 'busan'),
        ('인천', 'incheon'),
        ('대구', 'daegu'),
        ('광주', 'gwangju'),
        ('올림픽공원', 'olympic park'),
        ('올림픽체조경기장', 'kspo dome'),
        ('고척스카이돔', 'gocheok sky dome'),
        ('고척돔', 'gocheok sky dome'),
        ('잠실종합운동장', 'jamsil sports complex'),
        ('예술의전당', 'seoul arts center'),
        ('세종문화회관', 'sejong center'),
        ('블루스퀘어', 'blue square'),
        -- works
        ('레미제라블', 'les miserables'),
        ('오페라의 유령', 'phantom of the opera'),
        ('위키드', 'wicked'),
        ('캣츠', 'cats'),
        ('맘마미아', 'mamma mia'),
        ('호두까기 인형', 'the nutcracker')
     ) AS pairs (korean, english),
     LATERAL (VALUES (korean, english), (english, korean)) AS directed (term, synonym)
ON CONFLICT DO NOTHING;

-- The lowest and highest price of an event (shown in listings) come from two probes of this index
-- instead of a scan of every seat of every listed event.
CREATE INDEX seats_event_price_idx ON seats (event_id, price);
