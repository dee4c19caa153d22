package jp.itaku.asset;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface AssetBackupRepository extends JpaRepository<AssetBackup, UUID> {

}
