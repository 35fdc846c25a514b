-- The demo department database of compose.yaml: 市场监管局 (scjgj)'s licensing system, in the national 双公示
-- XK_* layout that mappings/scjgj/licences.yaml maps (the same table the embedded demo creates, demo.DemoDepartments).
-- Run once by the mariadb image on an empty volume, in MARIADB_DATABASE (scjgj). Its application writes here; the
-- hub only reads, with the account of 02-reader.sh.
SET NAMES utf8mb4;

CREATE TABLE xk_licence (
  ID BIGINT AUTO_INCREMENT PRIMARY KEY,
  XK_XDR_MC VARCHAR(200), XK_XDR_LB VARCHAR(2), XK_XDR_SHXYM VARCHAR(32), XK_XDR_ZJHM VARCHAR(32),
  XK_FRDB VARCHAR(50), XK_FR_ZJLX VARCHAR(3), XK_FR_ZJHM VARCHAR(32), XK_XKWS VARCHAR(200), XK_WSH VARCHAR(100),
  XK_XKLB VARCHAR(2), XK_XKZS VARCHAR(200), XK_XKBH VARCHAR(100), XK_NR VARCHAR(1000), XK_JDRQ DATE, XK_YXQZ DATE,
  XK_YXQZI DATE, XK_XKJG VARCHAR(200), XK_XKJGDM VARCHAR(32), XK_ZT VARCHAR(2),
  -- the jdbc-source cursor (UPDATED_AT, ID): the application sets it on every insert and update
  UPDATED_AT DATETIME(3) NOT NULL,
  KEY xk_licence_cursor (UPDATED_AT, ID)
) DEFAULT CHARSET = utf8mb4;

-- rows of samples/scjgj-licences.csv; 2099-12-31 is long-term validity
INSERT INTO xk_licence (XK_WSH, XK_XKWS, XK_XKLB, XK_XKZS, XK_XKBH, XK_NR, XK_XDR_MC, XK_XDR_LB, XK_XDR_SHXYM, XK_FRDB,
  XK_JDRQ, XK_YXQZ, XK_YXQZI, XK_XKJG, XK_XKJGDM, XK_ZT, UPDATED_AT) VALUES
('武市监许〔2024〕101号', '食品经营许可决定书', '01', '食品经营许可证', 'JY13307230000101', '预包装食品销售',
 '武义示例食品贸易有限公司', '02', '91330723MA2K7Q3L98', '张某', '2024-03-05', '2024-03-05', '2029-03-04',
 '武义县市场监督管理局', '11330723002543308J', '1', '2024-03-05 10:20:30'),
('武市监许〔2024〕102号', '特种设备使用登记决定书', '05', '特种设备使用登记证', 'TS3307230102', '电梯使用登记',
 '武义样例五金制品有限公司', '02', '91330723MA2K8R4NXW', '李某', '2024-03-06', '2024-03-06', '2099-12-31',
 '武义县市场监督管理局', '11330723002543308J', '1', '2024-03-06 09:00:00'),
('武市监许〔2024〕103号', '计量器具型式认可决定书', '03', '计量器具型式批准证书', 'JL3307230103', '电子计价秤型式认可',
 '武义演示咨询服务中心（普通合伙）', '03', '91330723MA2K9T5P32', '陈某', '2024-03-07', '2024-03-07', '2027-03-06',
 '武义县市场监督管理局', '11330723002543308J', '2', '2024-03-20 14:05:00'),
('武市监许〔2024〕105号', '广告发布登记决定书', '06', '广告发布登记证', 'GG3307230105', '户外广告发布',
 '武义模拟文化传媒有限公司', '02', '91330723MA2KBW7R18', '刘某', '2024-03-11', '2024-03-11', '2026-03-10',
 '武义县市场监督管理局', '11330723002543308J', '1', '2024-03-11 08:30:00');
